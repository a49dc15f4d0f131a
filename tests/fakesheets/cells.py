"""Cell values: how input is stored (RAW, USER_ENTERED, ExtendedValue), rendered back and ordered."""

from __future__ import annotations

import ast
import math
import operator
import re
from dataclasses import dataclass
from typing import Any

from .errors import bad_request

_NUMERIC = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}


@dataclass(frozen=True)
class Cell:
    """kind: "text" | "number" | "bool" | "formula". ``raw`` is the text, the number's
    string form, TRUE/FALSE, or the formula text (starting with "=")."""

    kind: str
    raw: str
    number: float | int | bool | None = None

    @property
    def is_formula(self) -> bool:
        return self.kind == "formula"


def fmt_number(x: float | int) -> str:
    if isinstance(x, bool):
        return "TRUE" if x else "FALSE"
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return str(x)


def _as_number(text: str) -> int | float:
    f = float(text)
    return int(f) if f.is_integer() and abs(f) < 1e15 else f


def text_cell(value: str) -> Cell | None:
    return Cell("text", value) if value != "" else None


def cell_from_input(value: Any, input_option: str) -> Cell | None:
    """Store one written value. ``None``/"" clear the cell (as the real API does)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return Cell("bool", "TRUE" if value else "FALSE", value)
    if isinstance(value, int | float):
        num = _as_number(repr(value)) if isinstance(value, float) and math.isfinite(value) else value
        return Cell("number", fmt_number(num), num)
    if not isinstance(value, str):
        value = str(value)
    if input_option != "USER_ENTERED":
        return Cell("text", value)
    if value.startswith("'"):
        return text_cell(value[1:])
    if value.startswith("=") and len(value) > 1:
        return Cell("formula", value)
    if _NUMERIC.match(value.strip()):
        num = _as_number(value.strip())
        return Cell("number", fmt_number(num), num)
    if value.upper() in ("TRUE", "FALSE"):
        return Cell("bool", value.upper(), value.upper() == "TRUE")
    return Cell("text", value)


def _eval(node: ast.AST) -> float:
    if isinstance(node, ast.Expression):
        return _eval(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        v = _eval(node.operand)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval(node.left), _eval(node.right))
    raise ValueError("unsupported")


def evaluate(formula: str) -> float | str:
    """Simple arithmetic formulas are computed; anything else is ``#NAME?``."""
    expr = formula[1:].replace("^", "**")
    if not re.fullmatch(r"[\d\s.+\-*/()]+", formula[1:].replace("^", "")):
        return "#NAME?"
    try:
        result = _eval(ast.parse(expr, mode="eval"))
    except ZeroDivisionError:
        return "#DIV/0!"
    except (ValueError, SyntaxError, OverflowError):
        return "#ERROR!"
    return _as_number(repr(float(result)))


def render(cell: Cell | None, option: str) -> Any:
    """Render a cell for FORMATTED_VALUE (default), UNFORMATTED_VALUE or FORMULA."""
    if cell is None:
        return ""
    if cell.kind == "text":
        return cell.raw
    if cell.kind in ("number", "bool"):
        return cell.raw if option not in ("UNFORMATTED_VALUE", "FORMULA") else cell.number
    if option == "FORMULA":
        return cell.raw
    result = evaluate(cell.raw)
    if isinstance(result, str) or option == "UNFORMATTED_VALUE":
        return result
    return fmt_number(result)


def trim(matrix: list[list[Any]]) -> list[list[Any]]:
    """Drop trailing empty cells of each row and trailing empty rows (real API behaviour)."""
    out = []
    for row in matrix:
        end = len(row)
        while end and row[end - 1] == "":
            end -= 1
        out.append(row[:end])
    while out and not out[-1]:
        out.pop()
    return out


_EXTENDED = ("numberValue", "stringValue", "boolValue", "formulaValue", "errorValue")


def cell_from_extended(value: Any, where: str = "") -> Cell | None:
    """A CellData.userEnteredValue (ExtendedValue, a oneof) as stored. Never parsed: a stringValue stays text
    ("=1+1", "001" included); an empty one (or {}) leaves the cell empty; errorValue is read-only."""
    if not isinstance(value, dict) or not set(value) <= set(_EXTENDED) or len(value) > 1:
        raise bad_request(f"{where}userEnteredValue must set exactly one of {', '.join(_EXTENDED[:4])}")
    if not value:
        return None
    ((kind, v),) = value.items()
    if kind == "stringValue" and isinstance(v, str):
        return text_cell(v)
    if kind == "numberValue" and isinstance(v, int | float) and not isinstance(v, bool):
        return cell_from_input(v, "RAW")
    if kind == "boolValue" and isinstance(v, bool):
        return cell_from_input(v, "RAW")
    if kind == "formulaValue" and isinstance(v, str) and v.startswith("=") and len(v) > 1:
        return Cell("formula", v)
    if kind == "errorValue":
        raise bad_request(f"{where}errorValue is read-only")
    raise bad_request(f"{where}Invalid value at 'userEnteredValue.{kind}' ({v!r})")


def value_only(cell: Cell | None) -> Cell | None:
    """PASTE_VALUES: a formula becomes what it computes (a number, or its error text)."""
    if cell is None or not cell.is_formula:
        return cell
    result = evaluate(cell.raw)
    return text_cell(result) if isinstance(result, str) else cell_from_input(result, "RAW")


def sort_key(cell: Cell | None) -> tuple[int, Any] | None:
    """How sortRange orders a cell: None for an empty cell (always last), else (rank, value) with
    numbers < text (case-insensitive) < booleans (FALSE < TRUE) < errors, as Sheets orders mixed columns."""
    if cell is None:
        return None
    if cell.kind == "text":
        return (1, cell.raw.casefold())
    if cell.kind == "number":
        return (0, cell.number)
    if cell.kind == "bool":
        return (2, bool(cell.number))
    result = evaluate(cell.raw)
    return (3, result) if isinstance(result, str) else (0, result)
