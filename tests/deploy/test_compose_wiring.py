"""compose.yaml wires what the other deploy tests run: the proxy mounts deploy/nginx.conf and the certificates where
that file reads them, the upstream is the app service on the image's port, the volume is where the image's ENV puts
the data, the secrets land in the image's WORKDIR, and both healthchecks are the same command. No container engine
here (nor a YAML parser in the test extra): the file is read as text, line by line."""

import re

from tests.deploy.conftest import CONTAINER_PORT, DATA, NGINX_CONF, ROOT, read_image

COMPOSE = ROOT / "compose.yaml"


def _lines() -> list[str]:
    return [line.split(" #")[0].rstrip() for line in COMPOSE.read_text(encoding="utf-8").splitlines()]


def _service(name: str) -> list[str]:
    """The lines of one service (from `  name:` to the next line indented two spaces or less)."""
    lines = _lines()
    start = lines.index(f"  {name}:")
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith("   ")), len(lines))
    return lines[start:end]


def test_the_proxy_mounts_the_tested_conf_and_the_certificates_where_it_reads_them():
    proxy = "\n".join(_service("proxy"))
    conf = NGINX_CONF.read_text(encoding="utf-8")
    assert "- ./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in proxy
    certificate_dirs = {path.rsplit("/", 1)[0] for path in re.findall(r"ssl_certificate(?:_key)? (\S+);", conf)}
    assert len(certificate_dirs) == 1
    assert f"- ./deploy/certs:{certificate_dirs.pop()}:ro" in proxy
    assert '- "80:80"' in proxy and '- "443:443"' in proxy  # the ports of the conf's listen lines
    assert re.search(r"^\s*listen 80;", conf, re.M) and re.search(r"^\s*listen 443 ssl", conf, re.M)
    assert "condition: service_healthy" in proxy


def test_the_upstream_is_the_app_service_on_the_image_port():
    upstream = re.search(r"upstream streamlit \{\s*server (\S+):(\d+);", NGINX_CONF.read_text(encoding="utf-8"))
    assert upstream.group(2) == CONTAINER_PORT and f"--server.port={CONTAINER_PORT}" in read_image().cmd
    app = "\n".join(_service(upstream.group(1)))
    assert f'- "{CONTAINER_PORT}"' in app and "ports:" not in app  # reached through the proxy only
    assert "build: ." in app and "restart: unless-stopped" in app


def test_the_data_volume_and_the_secrets_are_where_the_image_looks():
    image = read_image()
    app = _service("app")
    assert {image.env["DE_DASHBOARD_DB"].rsplit("/", 1)[0], image.env["DE_DASHBOARD_OUTBOX"].rsplit("/", 1)[0]} == {DATA}
    assert f"      - de-data:{DATA}" in app and "  de-data:" in _lines()[_lines().index("volumes:"):]
    mount = app[app.index("        source: ./.streamlit/secrets.toml"):][:5]
    assert f"        target: {image.workdir}/.streamlit/secrets.toml" in mount
    assert "        read_only: true" in mount


def test_compose_checks_health_with_the_image_command():
    image = read_image()
    app = "\n".join(_service("app"))
    test = re.search(r"healthcheck:\n\s*test: (\[.*\])", app).group(1)
    assert test == '["CMD", ' + ", ".join(f'"{word}"' for word in image.healthcheck) + "]"
