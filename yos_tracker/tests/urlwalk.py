"""Every URL pattern of the project, with sample values filled in, so tests can visit them all
and keep covering pages that later work adds."""

import re
from dataclasses import dataclass

try:  # Python 3.11 moved the regex parser; the old name still works with a warning.
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants
    import sre_parse

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

# Sample values for path converters and named regex groups, by converter or group name.
SAMPLES = {
    "int": "1",
    "slug": "lewisham",
    "str": "sample",
    "path": "sample/1",
    "uuid": "00000000-0000-0000-0000-000000000001",
}
NAMED_SAMPLES = {"org": "lewisham", "uidb64": "MQ", "token": "set-password"}


@dataclass(frozen=True)
class WalkedURL:
    url: str
    name: str  # "namespace:name", or the pattern text for unnamed patterns
    callback: object
    route: str = ""  # the patterns' text joined, e.g. "<slug:org>/improvement/actions/<int:pk>/"

    @property
    def keywords(self) -> list[str]:
        return re.findall(r"<(?:\w+:)?(\w+)>", self.route)


def _route_example(pattern: RoutePattern) -> str:
    route = str(pattern._route)

    def fill(match):
        converter, name = match.group(1) or "str", match.group(2)
        return NAMED_SAMPLES.get(name, SAMPLES.get(converter, "1"))

    return re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


def _regex_example(parsed, group_names: dict[int, str]) -> str:
    """A string the parsed regex matches: the first branch, the fewest repeats (at least one)."""
    out = []
    for op, arg in parsed:
        if op == sre_constants.LITERAL:
            out.append(chr(arg))
        elif op == sre_constants.IN:
            first_op, first_arg = arg[0]
            if first_op == sre_constants.LITERAL:
                out.append(chr(first_arg))
            elif first_op == sre_constants.RANGE:
                out.append(chr(first_arg[0]))
            elif first_op == sre_constants.CATEGORY and first_arg == sre_constants.CATEGORY_DIGIT:
                out.append("1")
            else:  # a negated set such as [^/], or a category such as \w
                out.append("a")
        elif op == sre_constants.NOT_LITERAL:
            out.append("a" if arg != ord("a") else "b")
        elif op == sre_constants.ANY:
            out.append("a")
        elif op == sre_constants.BRANCH:
            out.append(_regex_example(arg[1][0], group_names))
        elif op == sre_constants.SUBPATTERN:
            group, _, _, sub = arg
            name = group_names.get(group)
            out.append(NAMED_SAMPLES.get(name) or _regex_example(sub, group_names))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, _, sub = arg
            out.append(_regex_example(sub, group_names) * max(low, 1))
        elif op == sre_constants.AT:
            continue
        else:
            raise ValueError(f"No sample for regex construct {op}")
    return "".join(out)


def _example(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        return _route_example(pattern)
    if isinstance(pattern, RegexPattern):
        regex = pattern._regex
        parsed = sre_parse.parse(regex)
        names = {index: name for name, index in re.compile(regex).groupindex.items()}
        return _regex_example(parsed, names)
    raise TypeError(f"Unknown pattern type {type(pattern)}")


def walk(resolver=None, prefix: str = "/", namespace: str = "", route: str = "") -> list[WalkedURL]:
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        piece = _example(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            found += walk(entry, prefix + piece, f"{namespace}{ns}:" if ns else namespace, route + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else str(entry.pattern)
            found.append(WalkedURL(prefix + piece, name, entry.callback, route + str(entry.pattern)))
    return found
