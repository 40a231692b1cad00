"""Where things are on the generated benchmark portal: its sections and listing pages.

Shared by the generator (``generated_portal``) and the two benchmark spiders,
which start from ``LISTING_ROOTS`` (paths relative to the server's base URL).
Each section is one chain of listing pages ``/<key>/list_1.html`` →
``list_2.html`` → … linked by a plain ``<a class="next">下一页</a>``.
"""

SECTIONS = {
    "qxyw": "青溪要闻",
    "xzdt": "乡镇动态",
    "jjfz": "经济发展",
    "shms": "社会民生",
    "whty": "文化体育",
}
# About a hundred listing pages in all, whatever the article count.
LISTING_PAGES_PER_SECTION = 20


def listing_path(section: str, page: int) -> str:
    """Path of page ``page`` (1-based) of a section's list."""
    return f"/{section}/list_{page}.html"


LISTING_ROOTS = {listing_path(key, 1): name for key, name in SECTIONS.items()}
