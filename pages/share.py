"""Share: the read-only link for the regional office, its QR code for a meeting, and what a viewer sees."""

import streamlit as st

from de_core.display.i18n import LANGS
from de_core.ops.share import qr_png, viewer_link
from de_ui.auth import can_write
from de_ui.data import cache_ttl
from de_ui.i18n import lang, t
from de_ui.nav import PAGES

L = lang()
st.title(t("share.title"))
st.caption(t("share.you_edit") if can_write() else t("share.you_view"))

link_lang = st.segmented_control(t("share.link_lang"), list(LANGS), default=L, key="share_lang",
                                 format_func=lambda code: t(f"lang.{code}")) or L
link = viewer_link(st.context.url, [p.url_path for p in PAGES], link_lang)

st.subheader(t("share.link_heading"))
if link is None:
    st.info(t("share.no_url"))
else:
    st.caption(t("share.link_help"))
    st.code(link.url, language=None)
    st.link_button(t("share.open"), link.url, icon=":material/open_in_new:")
    if link.local_only:
        st.warning(t("share.local_only", host=link.host), icon=":material/computer:")

left, right = st.columns([3, 2], gap="large")
if link is not None:
    with left:
        st.subheader(t("share.qr_heading"))
        png = qr_png(link.url)
        st.image(png, caption=t("share.qr_caption"), width="stretch")  # fits a phone as well as a projector
        st.download_button(t("share.qr_download"), data=png, file_name=f"sujarit-de-qr-{link_lang}.png",
                           mime="image/png", icon=":material/qr_code_2:", key="qr_download",
                           on_click="ignore")
with right:
    st.subheader(t("share.viewer_heading"))
    pages = ", ".join(t(p.title_key) for p in PAGES)
    for line in (t("share.viewer_pages", pages=pages), t("share.viewer_data", seconds=cache_ttl()),
                 t("share.viewer_downloads"), t("share.viewer_cannot")):
        st.markdown(f"- {line}")
