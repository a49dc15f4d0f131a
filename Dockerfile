# Sujarit DE Dashboard as one container: the app on port 8501, its data (the embedded workbook and the outbox of
# entries waiting for the Google Sheet) on the volume /data. Put the HTTPS proxy of compose.yaml in front of it.
# tests/deploy/test_container_command.py runs this file's CMD with its ENV (a free port for 8501, a temporary
# folder for /data) from the files this file copies, and checks every request the pages make stays on the app.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DE_DASHBOARD_DB=/data/workbook.sqlite \
    DE_DASHBOARD_OUTBOX=/data/outbox.sqlite

RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/app app \
    && mkdir /data && chown app:app /data

WORKDIR /app
# What is copied is listed in .dockerignore (an allow-list: no .git, .venv, data/, secrets.toml or tests).
COPY . .
# Editable, so the code runs from /app, next to static/ (the Thai font files the printable report embeds are read
# from the app's static/ folder); the files stay root's and read-only to the app's user.
RUN pip install -e .

# PDF reports, optional: the report page offers PDF only where Chromium is installed (it prints the report's HTML,
# offline: Thai shaped by its HarfBuzz, lines broken between words by its ICU). `docker build --build-arg
# WITH_CHROMIUM=1 .` adds Debian's chromium (about 300 MB); without it the page offers .docx and printable .html.
ARG WITH_CHROMIUM=0
RUN if [ "$WITH_CHROMIUM" = "1" ]; then \
        apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*; \
    fi

USER app
VOLUME ["/data"]
EXPOSE 8501

# python:3.12-slim has no curl: ask the health endpoint with the standard library. Its answer must be "ok" (any
# other path of the app answers 200 with the page's HTML).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]

# Every address (a container's port is reached from outside it), so this server is never the local editor without
# sign-in, which needs a loopback server.address. Uploads (.xlsx import) up to 25 MB, as the proxy's
# client_max_body_size. .streamlit/config.toml already sets static serving (the bundled fonts and icon), the viewer
# toolbar, no file watcher and no error details; the ones a production server depends on (headless, no usage
# statistics sent out, no file watcher, no tracebacks shown to visitors) are repeated here whatever that file says.
# No welcome message: on every address it would print an "External URL", found by asking checkip.amazonaws.com.
CMD ["streamlit", "run", "streamlit_app.py", "--server.address=0.0.0.0", "--server.port=8501", "--server.headless=true", "--browser.gatherUsageStats=false", "--server.maxUploadSize=25", "--server.fileWatcherType=none", "--client.showErrorDetails=none", "--logger.hideWelcomeMessage=true"]
