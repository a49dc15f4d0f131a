"""Cell values: how input is stored (RAW vs USER_ENTERED) and how it is rendered back."""

from __future__ import annotations

import ast
import math
import operator
import re
from dataclasses import dataclass
from typing import Any

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
