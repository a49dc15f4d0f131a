"""What a provisioning run did (or, for `check`, would do), told in Thai and English."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ProvisionReport:
    """Tabs created, formatted, given header rows or data; tabs left alone; headers a person must fix."""

    created: list[str] = field(default_factory=list)
    formatted: list[str] = field(default_factory=list)
    headers_written: list[str] = field(default_factory=list)
    filled: dict[str, int] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (tab title, missing column's Thai header)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (tab title, seed column the tab lacks)
    old_anchors: int = 0  # row anchors of earlier versions deleted
    writes: int = 0
    dry_run: bool = False

    @property
    def changes(self) -> bool:
        """Whether the run changes (or would change) anything in the sheet."""
        return bool(self.created or self.formatted or self.headers_written or self.filled or self.old_anchors)

    @property
    def ready(self) -> bool:
        """Whether the sheet already matches the schema (nothing to create or format, no header to fix)."""
        return not (self.created or self.formatted or self.headers_written or self.problems)

    def _verb(self, done: str, would: str) -> str:
        return f"Would {would}" if self.dry_run else done

    def lines(self) -> list[str]:
        """The summary, one Thai / English line per kind of change."""
        th = "จะ" if self.dry_run else ""
        out = []
        if self.created:
            out.append(f"{th}สร้างแท็บ {len(self.created)} แท็บ / {self._verb('Created', 'create')} "
                       f"{len(self.created)} tab(s): " + ", ".join(self.created))
        if self.headers_written:
            out.append(f"{th}เขียนแถวหัวตาราง / {self._verb('Wrote', 'write')} header rows: "
                       + ", ".join(self.headers_written))
        if self.formatted:
            out.append(f"{th}ตรึงและป้องกันแถวหัวตาราง ใส่ดรอปดาวน์ และตั้งเซลล์เป็นข้อความ / "
                       f"{self._verb('Froze and protected', 'freeze and protect')} header rows, added dropdowns "
                       "and plain-text cells: " + ", ".join(self.formatted))
        if self.filled:
            out.append(f"{th}ใส่ข้อมูลในแท็บว่าง / {self._verb('Filled', 'fill')} empty tabs: "
                       + ", ".join(f"{t} ({n} แถว/rows)" for t, n in self.filled.items()))
        if self.old_anchors:
            out.append(f"{th}ลบเครื่องหมายแถวแบบเก่าของแอป {self.old_anchors} รายการ (developer metadata) / "
                       f"{self._verb('Removed', 'remove')} {self.old_anchors} row marks left by earlier versions")
        if self.kept:
            out.append("ไม่ใส่ข้อมูลในแท็บที่มีข้อมูลอยู่แล้ว (ไม่เขียนทับ) / Tabs that already hold data were left "
                       "untouched: " + ", ".join(self.kept))
        for title, column in self.problems:
            out.append(f"แท็บ «{title}» ไม่มีหัวคอลัมน์ «{column}» (ถูกเปลี่ยนชื่อหรือลบ) แก้ในแถวที่ 1 ด้วยมือ / "
                       f"Tab «{title}» has no header «{column}» (renamed or deleted): fix row 1 by hand")
        for title, column in self.dropped:
            out.append(f"แท็บ «{title}» ไม่มีคอลัมน์ «{column}» จึงไม่ได้คัดลอกค่าในคอลัมน์นี้ / "
                       f"Tab «{title}» has no column «{column}»: its values were not copied")
        if not self.changes and not self.problems:
            out.append("ไม่มีอะไรต้องเปลี่ยน ชีตพร้อมใช้แล้ว / Nothing to change: the sheet is ready")
        return out

    def summary(self) -> str:
        return "\n".join(self.lines())
