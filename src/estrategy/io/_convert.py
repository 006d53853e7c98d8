"""The strict cattrs converter between plain data and the model, and its error paths (private).

Plain data is what the readers produce: dicts, lists, ``str``, ``int``, ``bool``,
``None``, ``decimal.Decimal`` for non-integral numbers (so money stays exact),
``datetime.date`` where the format has dates (TOML), and date strings elsewhere.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
import re
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from estrategy.base.escape import excerpt
from estrategy.base.messages import Message, Text, tr
from estrategy.model import ModelIntegrityError, ModelPath, Organization, StrategyModel
from estrategy.model.dates import parse_date
from estrategy.model.labels import label
from estrategy.model.suggest import unknown_key, unknown_value
from estrategy.model.validators import FieldValueError
from estrategy.model.vocabulary import meant_value

__all__ = [
    "Problem",
    "StructureFailed",
    "collect_problems",
    "describe",
    "file_key",
    "structure_model",
]

Problem = tuple[ModelPath, Text]
"""A model path and what is wrong there."""

# Keys that exist on a class but are not written in files, by class.
HIDDEN_FIELDS: dict[type, frozenset[str]] = {Organization: frozenset({"source", "_derived"})}


class StructureFailed(Exception):
    """Structuring failed; carries every problem found, with its path."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def describe(value: object) -> Message:
    """Name the kind of a plain value the way a file author thinks of it (a message)."""
    if value is None:
        return tr("nothing (null)")
    if isinstance(value, bool):
        return tr("true/false ({value})", value=str(value).lower())
    if isinstance(value, int | float | Decimal):
        return tr("the number {value}", value=str(value))
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return tr("the text {value}", value=repr(shown))
    if isinstance(value, dt.datetime):
        return tr("the date-time {value}", value=value.isoformat())
    if isinstance(value, dt.date):
        return tr("the date {value}", value=value.isoformat())
    if isinstance(value, Mapping):
        return tr("a mapping")
    if isinstance(value, list | tuple):
        return tr("a list")
    return tr("a {kind}", kind=type(value).__name__)


def _str(value: object, _type: object) -> str:
    if isinstance(value, str):
        return value if value.isascii() else _without_surrogates(value)
    # Ids such as `42` are written unquoted; an int reads back as its digits.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise TypeError(tr("expected text, got {value}", value=describe(value)))


def _without_surrogates(value: str) -> str:
    """Join escaped surrogate pairs; refuse a lone surrogate, which is not text.

    JSON writes a character beyond U+FFFF as two escapes (a surrogate pair) and YAML
    parsers read them as two halves: JSON read as YAML must give the same text.
    """
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        lone = next(c for c in value if 0xD800 <= ord(c) <= 0xDFFF)
        raise ValueError(
            f"the text holds {lone!r}, a lone surrogate, which is not valid Unicode"
        ) from None


def _bool(value: object, _type: object) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(tr("expected true or false, got {value}", value=describe(value)))


def _int(value: object, _type: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(tr("expected a whole number, got {value}", value=describe(value)))


def _float(value: object, _type: object) -> float:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError:
            raise ValueError(
                tr("the number {value}... is too large", value=str(value)[:12])
            ) from None
    raise TypeError(tr("expected a number, got {value}", value=describe(value)))


# Amounts beyond 10**60 are typing accidents; refusing them also keeps a hostile
# `1e999999999` from turning into a billion digits when the model is saved.
_MONEY_DIGITS = 60


def _decimal(value: object, _type: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        raise TypeError(tr("expected a number, got {value}", value=describe(value)))
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if number.is_finite() and not number.is_zero() and abs(number.adjusted()) > _MONEY_DIGITS:
        raise ValueError(
            tr(
                "the amount {amount} is out of range (at most {digits} digits either side of "
                "the decimal point)",
                amount=f"{number:.3e}",
                digits=_MONEY_DIGITS,
            )
        )
    return number


def _date(value: object, _type: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise TypeError(tr("expected a date (YYYY-MM-DD), got {value}", value=describe(value)))
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError as exc:
            # A day that does not exist keeps parse_date's message; text of another form
            # is described the way every other wrong value of a model file is.
            if str(exc).startswith(value):
                raise
            raise ValueError(
                tr("expected a date (YYYY-MM-DD), got {value}", value=describe(value))
            ) from None
    raise TypeError(tr("expected a date (YYYY-MM-DD), got {value}", value=describe(value)))


def _enum(value: object, type_: type[enum.StrEnum]) -> enum.StrEnum:
    return _enum_hook(type_)(value, type_)


@functools.cache
def _enum_hook(cls: type[enum.StrEnum]) -> Callable[[object, object], enum.StrEnum]:
    values = [str(member.value) for member in cls]
    what = label(re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower())
    # English writes "an action status", "a tactic kind": one msgid for each article
    vowel = str(what)[0] in "aeiou"
    choices = ", ".join(values)

    def wrong_type(value: object) -> Message:
        shown = {"what": what, "choices": choices, "value": describe(value)}
        if vowel:
            return tr("expected an {what} ({choices}), got {value}", **shown)
        return tr("expected a {what} ({choices}), got {value}", **shown)

    def structure(value: object, _type: object) -> enum.StrEnum:
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                # a synonym (newsletter, en_cours), another spelling or a typo
                meant = meant_value(cls, value)
                raise ValueError(unknown_value(what, value, values, meant)) from None
        raise TypeError(wrong_type(value))

    return structure


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_pairs(type_: Any) -> bool:
    return _is_homogeneous_tuple(type_) and typing.get_args(type_)[0] == tuple[str, str]


def _pairs(value: object, _type: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, Mapping):
        raise TypeError(
            tr("expected a mapping of names to text, got {value}", value=describe(value))
        )
    pairs = []
    for key, item in value.items():
        if isinstance(item, bool) or not isinstance(item, str | int | Decimal | float):
            raise TypeError(
                tr(
                    "the value of {key} should be text, got {value}",
                    key=excerpt(key),
                    value=describe(item),
                )
            )
        pairs.append((str(key), str(item)))
    return tuple(sorted(pairs))


def _is_mapping(type_: Any) -> bool:
    return typing.get_origin(type_) in (dict, Mapping) and len(typing.get_args(type_)) == 2


def _is_union(type_: Any) -> bool:
    return typing.get_origin(type_) in (typing.Union, types.UnionType)


def _is_optional(type_: Any) -> bool:
    return _is_union(type_) and type(None) in typing.get_args(type_)


def _is_scalar_or_table(type_: Any) -> bool:
    """``float | SizeTable``: a value written either as a scalar or as a table (an attrs class)."""
    args = typing.get_args(type_)
    return (
        _is_union(type_)
        and len(args) == 2
        and type(None) not in args
        and sum(1 for arg in args if attrs.has(arg)) == 1
    )


def file_key(field: attrs.Attribute[Any]) -> str:
    """The key a field has in files: its name, or ``metadata["key"]`` (``fail-on``)."""
    return str(field.metadata.get("key", field.name))


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    def optional_hook(type_: Any) -> Callable[[object, object], Any]:
        # cattrs' own union handling would bypass the strict hooks of the inner type
        inner = functools.reduce(
            operator.or_, (arg for arg in typing.get_args(type_) if arg is not type(None))
        )

        def structure(value: object, _type: object) -> Any:
            return None if value is None else converter.get_structure_hook(inner)(value, inner)

        return structure

    def mapping_hook(type_: Any) -> Callable[[object, object], dict[str, Any]]:
        key_type, item_type = typing.get_args(type_)

        def structure(value: object, _type: object) -> dict[str, Any]:
            if not isinstance(value, Mapping):
                raise TypeError(
                    tr("expected a table of names to values, got {value}", value=describe(value))
                )
            hook = converter.get_structure_hook(item_type)
            # keys of a closed set (an enumeration) are checked like values, at their key
            key_hook = None if key_type is str else converter.get_structure_hook(key_type)
            items: dict[str, Any] = {}
            errors: list[Exception] = []
            for key, item in value.items():
                name = str(key)
                try:
                    if key_hook is not None:
                        name = str(key_hook(key, key_type))
                except Exception as exc:
                    exc.add_note(IterableValidationNote(f"@ key {key!r}", key, key_type))
                    errors.append(exc)
                try:
                    items[name] = hook(item, item_type)
                except Exception as exc:
                    exc.add_note(IterableValidationNote(f"@ key {key!r}", key, item_type))
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
            return items

        return structure

    def scalar_or_table_hook(type_: Any) -> Callable[[object, object], Any]:
        # a table (a mapping) is read as the attrs class, anything else as the scalar
        table, scalar = sorted(typing.get_args(type_), key=lambda arg: not attrs.has(arg))

        def structure(value: object, _type: object) -> Any:
            if isinstance(value, Mapping):
                return converter.get_structure_hook(table)(value, table)
            return converter.get_structure_hook(scalar)(value, scalar)

        return structure

    def tuple_hook(type_: Any) -> Callable[[object, object], tuple[Any, ...]]:
        item_type = typing.get_args(type_)[0]

        def structure(value: object, _type: object) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise TypeError(tr("expected a list, got {value}", value=describe(value)))
            hook = converter.get_structure_hook(item_type)
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(hook(item, item_type))
                except Exception as exc:
                    exc.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
            return tuple(items)

        return structure

    def attrs_hook(cls: type[Any]) -> Callable[[object, object], Any]:
        overrides = {name: override(omit=True) for name in HIDDEN_FIELDS.get(cls, ())}
        overrides.update(
            (field.name, override(rename=file_key(field)))
            for field in attrs.fields(cls)
            if "key" in field.metadata
        )
        generated = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_forbid_extra_keys=True,
            **overrides,  # type: ignore[arg-type]
        )

        def structure(value: object, _type: object) -> Any:
            if isinstance(value, cls):  # an organisation already read from CSV or GraphML
                return value
            if not isinstance(value, Mapping):
                raise TypeError(
                    tr("expected a mapping of keys, got {value}", value=describe(value))
                )
            try:
                return generated(value, cls)
            except ClassValidationError as exc:
                more = _local_problems(converter, cls, value, exc)
                if not more:
                    raise
                raise ClassValidationError(exc.message, [*exc.exceptions, *more], cls) from None

        return structure

    # Class hooks match subclasses too; StrEnum comes before str in every enum's MRO,
    # so enumerations get their own hook rather than the text one.
    converter.register_structure_hook(str, _str)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(float, _float)
    converter.register_structure_hook(Decimal, _decimal)
    converter.register_structure_hook(dt.date, _date)
    converter.register_structure_hook(enum.StrEnum, _enum)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)
    converter.register_structure_hook_factory(_is_mapping, mapping_hook)
    converter.register_structure_hook_factory(_is_optional, optional_hook)
    converter.register_structure_hook_factory(_is_scalar_or_table, scalar_or_table_hook)
    # Registered after the generic tuple hook, so that it takes precedence.
    converter.register_structure_hook_factory(_is_pairs, lambda _t: _pairs)
    converter.register_structure_hook_factory(attrs.has, attrs_hook)
    return converter


def _local_problems(
    converter: cattrs.Converter, cls: type[Any], value: Mapping[str, Any], exc: ClassValidationError
) -> list[Exception]:
    """The validator failures of the fields that did structure, when others did not.

    A failed field (or an unknown key) stops cattrs before the class is built, so its
    validators never run; running them here reports a negative budget next to a
    misspelt key of the same action, instead of one fix later.
    """
    with_notes, without = exc.group_exceptions()
    built = [inner for inner in without if not isinstance(inner, ForbiddenExtraKeysError)]
    if built:
        # the class was built and a validator failed: attrs ran no later validator
        if not all(isinstance(inner, FieldValueError) for inner in built):
            return []
        failed = {inner.field for inner in built if isinstance(inner, FieldValueError)}
        return _validator_problems(converter, cls, value, failed)
    return _validator_problems(converter, cls, value, {note.name for _inner, note in with_notes})


def _validator_problems(
    converter: cattrs.Converter, cls: type[Any], value: Mapping[str, Any], skip: set[str]
) -> list[Exception]:
    """Every validator failure of the fields of ``value``, but those of the fields in ``skip``.

    attrs stops at the first validator that fails: an id with a space hides a negative
    budget of the same action. Each field is structured on its own and each validator
    run, on an unvalidated instance so that those reading other fields can.
    """
    hints = typing.get_type_hints(cls)
    instance = object.__new__(cls)
    checks: list[tuple[attrs.Attribute[Any], Any]] = []
    for field in attrs.fields(cls):
        key = file_key(field)
        try:
            if key in value:
                item = converter.structure(value[key], hints[field.name])
                if field.converter is not None:
                    item = field.converter(item)
            elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                item = field.default.factory()
            elif field.default is not attrs.NOTHING:
                item = field.default
            else:
                continue
        except Exception:  # a field that does not structure is reported by the first pass
            continue
        object.__setattr__(instance, field.name, item)
        if field.validator is not None and field.name not in skip:
            checks.append((field, item))
    problems: list[Exception] = []
    for field, item in checks:
        validator = field.validator
        assert validator is not None, "only fields with a validator are checked"
        try:
            validator(instance, field, item)
        except (FieldValueError, ModelIntegrityError) as problem:
            problems.append(problem)
        except Exception:  # a validator that needs what did not structure
            continue
    return problems


@functools.cache
def converter() -> cattrs.Converter:
    """The one converter of the package (built once; converters are not mutated after)."""
    return _make_converter()


def _allowed_keys(cls: type[Any]) -> list[str]:
    hidden = HIDDEN_FIELDS.get(cls, frozenset())
    return [file_key(field) for field in attrs.fields(cls) if field.name not in hidden]


def collect_problems(exc: BaseException, path: ModelPath, out: list[Problem]) -> None:
    """Walk a cattrs error tree, collecting one problem per leaf with its model path."""
    if isinstance(exc, ClassValidationError | IterableValidationError):
        noted, others = exc.group_exceptions()
        keys = (
            {field.name: file_key(field) for field in attrs.fields(exc.cl)}
            if isinstance(exc, ClassValidationError) and attrs.has(exc.cl)
            else {}
        )
        for inner, note in noted:
            # a field's note names it (by its key in files), a list item's its index
            step = (
                note.index
                if isinstance(note, IterableValidationNote)
                else keys.get(note.name, note.name)
            )
            collect_problems(inner, (*path, step), out)
        for inner in others:
            collect_problems(inner, path, out)
    elif isinstance(exc, ForbiddenExtraKeysError):
        allowed = _allowed_keys(exc.cl)
        for key in sorted(exc.extra_fields):
            out.append(((*path, key), unknown_key(key, allowed)))
    elif isinstance(exc, ModelIntegrityError):
        out.extend(((*path, *problem.path), problem.text) for problem in exc.problems)
    elif isinstance(exc, FieldValueError):
        out.append(((*path, exc.field), exc.message))
    elif isinstance(exc, KeyError):
        out.append((path, tr("required key is missing")))
    elif isinstance(exc, TypeError | ValueError | InvalidOperation):
        # a message raised by the hooks above stays a message, to render in any language
        first = exc.args[0] if len(exc.args) == 1 else None
        out.append((path, first if isinstance(first, Message) else str(exc)))
    else:
        out.append((path, f"{type(exc).__name__}: {exc}"))


def structure_model(data: Mapping[str, Any]) -> StrategyModel:
    """Build a model from plain data, strictly.

    Raises:
        StructureFailed: with every problem found (structure, then integrity).
    """
    try:
        model: StrategyModel = converter().structure(data, StrategyModel)
    except (ClassValidationError, IterableValidationError, ModelIntegrityError) as exc:
        problems: list[Problem] = []
        collect_problems(exc, (), problems)
        raise StructureFailed(problems) from None
    except (TypeError, ValueError) as exc:
        raise StructureFailed([((), str(exc))]) from None
    return model
