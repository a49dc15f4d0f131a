"""The workbook as data: tab definitions (tabs.toml), dropdown values (enums.toml), FY2566 demo data (demo/) and
the ITA frame of each year the app ships (ita_frames/)."""

from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent
TABS_FILE = SCHEMA_DIR / "tabs.toml"
ENUMS_FILE = SCHEMA_DIR / "enums.toml"
DEMO_DIR = SCHEMA_DIR / "demo"
ITA_FRAMES_DIR = SCHEMA_DIR / "ita_frames"
