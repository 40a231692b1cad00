"""Stable CSS paths to elements of a page, built from ids and class names.

``css_path(element, root)`` is the shortest path of ``tag#id`` /
``tag.class`` steps (descendant combinators) whose only match in the page
is the element (site selectors join the text of every match, so a path
must not catch a second element); ``relative_path(element, ancestor)`` the
same below an ancestor. Ids and classes that look generated (long digit runs) or only
describe layout (``fl``, ``clearfix``, ``w1200``) are not used.
"""

import re

from parsel import Selector

NAME = re.compile(r"^[A-Za-z_][\w-]*$")
GENERATED = re.compile(r"\d{3,}|^[a-f0-9]{8,}$|^(?:ng|css|sc|jsx)-")
LAYOUT = re.compile(
    r"^(?:f[lr]|l|r|left|right|cl|clear|clearfix|cf|clr|fix|w\d+|mt\d+|mb\d+|pt\d+|pb\d+|lh\d+|f\d+|text-[lcr]"
    r"|hidden|show|active|on|current|cur|first|last|odd|even|col|row|container|wrap|wrapper|inner|box|bd|hd|ft|main)$",
    re.IGNORECASE,
)
MAX_STEPS = 5


def _usable(name: str) -> bool:
    return bool(NAME.match(name)) and not GENERATED.search(name)


def steps(element) -> list[str]:
    """Candidate steps for one element, most telling first: ``tag#id``, ``tag.class`` for each class, ``tag``."""
    tag = element.tag
    found = []
    element_id = (element.get("id") or "").strip()
    if element_id and _usable(element_id):
        found.append(f"{tag}#{element_id}")
    classes = [c for c in (element.get("class") or "").split() if _usable(c)]
    found += [f"{tag}.{c}" for c in classes if not LAYOUT.match(c)]
    found.append(tag)
    return found


def _only_match(root_selector: Selector, query: str, element) -> bool:
    try:
        found = root_selector.css(query)
    except Exception:  # cssselect refuses an unusual name: not a usable step
        return False
    return len(found) == 1 and found[0].root is element


def _path(element, top, stop_at) -> str | None:
    """Steps from just below ``top`` down to ``element``, as few as make ``element`` the only match."""
    top_selector = Selector(root=top, type="html")
    chosen: list[str] = []
    node = element
    while node is not None and node is not stop_at and len(chosen) < MAX_STEPS:
        if not isinstance(node.tag, str) or node.tag in ("html", "body"):
            break
        options = steps(node)
        for step in options:
            query = " ".join([step, *chosen])
            if _only_match(top_selector, query, element):
                return query
        chosen.insert(0, options[0])
        node = node.getparent()
    return None


def css_path(element, root) -> str | None:
    """A CSS query whose only match in the page ``root`` is ``element`` (None if none is short enough)."""
    return _path(element, root, stop_at=None)


def relative_path(element, ancestor) -> str | None:
    """A CSS query, run inside ``ancestor``, whose only match is ``element``."""
    if element is ancestor:
        return None
    return _path(element, ancestor, stop_at=ancestor)
