"""Page furniture that brings a generated page up to the size of a real portal page.

The demo portal's pages are 7 to 8 KB; real county portals weigh 40 to
100 KB and more, most of it inline CSS and JavaScript, mega menus, sidebar
lists and footer link farms. ``add_chrome`` adds exactly those, in the usual
places, until the page reaches a target size. None of it is inside the
article content or the listing's ``ul.news-list``, so it costs the parser and
the selectors what real chrome costs them, and changes no extracted field.
"""

import html
import itertools
import random

from benchmarks.page_edits import replace_exactly

PLACES = (
    "青溪镇", "桃源镇", "白沙镇", "枫林镇", "云岭乡", "石门乡", "梅溪乡", "溪口村", "大坑村", "城南社区",
    "城东新区", "经济开发区", "青溪古镇", "滨江街道", "凤凰山", "龙潭村",
)
OFFICES = (
    "县发改局", "县教育局", "县财政局", "县交通运输局", "县农业农村局", "县卫健局", "县应急管理局",
    "县人力社保局", "县生态环境分局", "县文广旅体局", "县市场监管局", "县政务服务中心", "县融媒体中心",
)
TOPICS = ("专题", "图说", "视频", "直播", "访谈", "政策解读", "通知公告", "便民服务", "招考信息", "文明创建")
SIDEBAR_TITLES = ("热点排行", "图片新闻", "推荐阅读", "专题专栏", "视听青溪", "部门动态")
FOOTER_SITES = ("江南日报", "江州市人民政府", "江南省人民政府", "江州新闻网", "江南在线", "中国文明网", "人民网", "新华网")

# Where each kind of furniture goes; every anchor is on both the article and the listing templates.
HEAD_ANCHOR = "</head>"
NAV_ANCHOR = '<div class="wrap location">'
SIDEBAR_ANCHOR = '<div class="col-right">\n'
FOOTER_ANCHOR = "</body>"
# Share of the added bytes for each part.
SHARES = {"css": 0.30, "js": 0.15, "nav": 0.15, "sidebar": 0.30, "footer": 0.10}


def _fill(items, budget: int) -> str:
    """Concatenate items until their UTF-8 size reaches ``budget`` bytes."""
    parts, size = [], 0
    for item in items:
        if size >= budget:
            break
        parts.append(item)
        size += len(item.encode("utf-8"))
    return "".join(parts)


def _css_rules(rng: random.Random):
    for n in itertools.count():
        yield (
            f".m{n % 40} .c{n} a,.m{n % 40} .c{n} span{{color:#{rng.randrange(0x1000000):06x};"
            f"margin:{rng.randint(0, 20)}px {rng.randint(0, 20)}px;padding:{rng.randint(0, 12)}px;"
            f"font-size:{rng.randint(12, 18)}px;line-height:{rng.randint(18, 30)}px}}\n"
        )


def _js_config(rng: random.Random):
    yield "var _hmt=_hmt||[];window.__SITE_CONFIG__={channels:["
    for n in itertools.count():
        name = rng.choice(PLACES + OFFICES) + rng.choice(TOPICS)
        yield (f'{{"id":{1000 + n},"name":"{name}","url":"/zt/{n}/index.html",'
               f'"icon":"/images/ico_{n % 64}.png","hot":{rng.randint(0, 1)}}},')


def _nav_links(rng: random.Random):
    for n in itertools.count():
        name = rng.choice(PLACES + OFFICES) + rng.choice(TOPICS)
        yield f'<li><a href="/zt/{n}/index.html" target="_blank" title="{name}">{name}</a></li>\n'


def _sidebar_lists(rng: random.Random, links: list[tuple[str, str]]):
    for block in itertools.count():
        items = "\n".join(
            f'<li><a href="{path}" title="{html.escape(title)}" target="_blank">{html.escape(title[:22])}</a>'
            f'<span class="time">{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}</span></li>'
            for path, title in rng.sample(links, min(10, len(links)))
        )
        yield f'<div class="side-box box{block}"><h3>{SIDEBAR_TITLES[block % len(SIDEBAR_TITLES)]}</h3><ul>\n{items}\n</ul></div>\n'


def _footer_links(rng: random.Random):
    for n in itertools.count():
        name = rng.choice(FOOTER_SITES + OFFICES)
        yield f'<a href="http://www.site{n}.gov.cn/" target="_blank">{name}</a> '


def _insert(page: str, anchor: str, text: str, *, after: bool = False) -> str:
    """Insert ``text`` before (or after) the one occurrence of ``anchor``."""
    return replace_exactly(page, anchor, anchor + text if after else text + anchor)


def add_chrome(page: str, rng: random.Random, target_bytes: int, links: list[tuple[str, str]]) -> str:
    """``page`` with furniture added until it weighs about ``target_bytes`` (UTF-8).

    ``links`` are ``(path, title)`` of other pages of the site, for the
    sidebar lists.
    """
    budget = max(0, target_bytes - len(page.encode("utf-8")))
    share = {part: int(budget * fraction) for part, fraction in SHARES.items()}
    head = (
        f'<style type="text/css">\n{_fill(_css_rules(rng), share["css"])}</style>\n'
        f'<script type="text/javascript">\n{_fill(_js_config(rng), share["js"])}{{}}]}};\n</script>\n'
    )
    nav = f'<div class="wrap nav-more"><ul>\n{_fill(_nav_links(rng), share["nav"])}</ul></div>\n'
    sidebar = _fill(_sidebar_lists(rng, links), share["sidebar"])
    footer = f'<div class="wrap friend-links"><p>{_fill(_footer_links(rng), share["footer"])}</p></div>\n'
    page = _insert(page, HEAD_ANCHOR, head)
    page = _insert(page, NAV_ANCHOR, nav)
    page = _insert(page, SIDEBAR_ANCHOR, sidebar, after=True)
    return _insert(page, FOOTER_ANCHOR, footer)
