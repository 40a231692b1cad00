"""What each word of a credit line is: a role word, an outlet, noise or a person's name.

The vocabulary of ``crawler.extract.bylines`` and the tests on single words.
Traditional forms (記者, 編輯, 責任編輯, 攝, 來源, 通訊員, 實習生 …) are accepted
everywhere (``with_traditional`` widens a regex to them); names keep the
script they were written in.

Role words, found in a line by ``ROLE_RE`` (a trie of every form, longest
first, each branch starting with a literal so the engine skips ahead with a
character set), each with its ``ROLE_WORDS`` spec:

- authors — *titles* 记者, 通讯员, 实习生, with any modifier glued before them
  (本报/全媒体/融媒体/见习/特约/首席 …: 全媒体记者, 特约通讯员); *labels* 作者,
  撰稿, 撰文, 编译, 原创, 采写, 整理, 文, 文字:; *suffix verbs* ``张三 报道``,
  ``袁静文核实``.
- photographers — 摄, 摄影, 摄像, 摄影报道, 图, 图片:, 供图, 配图, and the titles
  摄影记者/摄像记者. ``文/摄``, ``文/图``, ``图/文``, ``图文`` credit the same
  names as author *and* photographer.
- editors — 编辑, 责任编辑, 责编, 值班编辑, 执行编辑, 网络编辑, 美编, 主编, 执行主编,
  值班主编, 总编/总编辑, and the CMS labels 发布者:/发布人:. **主编** is an editor:
  it is the title of a person who edits (often the 复审 of the 三审 system),
  and the pages print it next to 编辑, not next to 审核.
- reviewers — 审核, 审校, 审稿, 校对, 初审, 复审, 终审, 一审/二审/三审; never editors.
- source — 来源, 稿源, 供稿, 转自, 转载自, 来源于, 内容/本文/…来源, ``来自:``;
  the agency of a ``据新华社…电`` / ``新华社…电`` dateline; ``中新社发``; a bare
  outlet right after a leading timestamp (``2016-09-17 10:21 新华网``).
  ``来源标题:``/``原标题:``/``图片来源:`` are *not* sources. Placeholders
  (``未知来源``, ``未知``, ``不详``, ``暂无``) give ``None``; ``本站``/``本网``
  are real values (the site itself) and are kept.

Names (``word_names``) — no role words, outlets (``is_outlet``), contact
data, numeric ids, empty values. A name is 2–3 CJK characters, 4 when it
starts with a surname (欧阳进权, 司马相如), a ``·`` name (``阿依古丽·买买提``)
or a Latin name; words of running text (的/是/您 …, a trailing 说/称: ``记者
张伟说``) are not names. Latin CMS user names (``fengdi``) are kept, generic
accounts (admin, editor …) are not.

Names with no separator (``记者黄云灵王夷``): a CJK run of 4+ characters is
split only when it has exactly one partition into 2–3 character parts that
each start with a common surname (or a compound surname, then 3–4
characters): 黄云灵|王夷, 王伟|李明; a 4-character run with no such partition
stays whole (欧阳进权); an ambiguous run (two partitions, like 王海林方芳)
stays whole. A run glued to a title (``记者杨睿``) must start with a surname
to count as a name at all (``strict``), and 4 glued characters stay whole
only with a compound surname (``记者欧阳进权``, but not ``记者张三拍摄``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AUTHOR, PHOTO, EDITOR, REVIEWER = 1, 2, 4, 8

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Simplified → Traditional forms of the characters used in role words.
_TRAD = {
    "记": "記", "编": "編", "辑": "輯", "责": "責", "审": "審", "对": "對", "终": "終", "复": "復複",
    "摄": "攝", "图": "圖", "来": "來", "转": "轉", "于": "於", "内": "內", "讯": "訊", "员": "員",
    "约": "約", "实": "實", "习": "習", "见": "見", "体": "體", "译": "譯", "创": "創", "报": "報",
    "总": "總", "写": "寫", "发": "發", "网": "網", "电": "電", "据": "據", "闻": "聞", "台": "臺",
    "驻": "駐", "资": "資", "执": "執", "络": "絡", "采": "採", "视": "視", "题": "題", "单": "單",
    "会": "會", "证": "證", "们": "們", "团": "團", "节": "節", "载": "載", "简": "簡", "线": "線",
    "频": "頻", "样": "樣", "签": "簽", "详": "詳", "无": "無", "过": "過", "华": "華",
}


def with_traditional(pattern: str) -> str:
    """Let every role-word character of a regex also match its Traditional form."""
    out, in_class, prev = [], False, ""
    for ch in pattern:
        if ch == "[" and prev != "\\":
            in_class = True
            out.append(ch)
        elif ch == "]" and prev != "\\":
            in_class = False
            out.append(ch)
        elif ch in _TRAD:
            out.append(ch + _TRAD[ch] if in_class else f"[{ch}{_TRAD[ch]}]")
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


_NC = f"(?![{CJK}])"  # not glued to a CJK character after
_LBL = r"(?=\s*[:：|｜丨/／])"  # a label only when a separator follows
_COLON = r"(?=\s*[:：])"
_REPORTER_NOT = "(?!站|节|会|证|们|团|部)"
_AFTER_VERB = "拍航自偷抓跟实街所特合遥翻"  # 拍摄, 航摄 … are verbs, not credits

TITLE, LABEL, SOURCE, JUNK = "title", "label", "source", "junk"
NO_SUFFIX, PREFIX_OR_SUFFIX, SUFFIX_ONLY = 0, 1, 2


@dataclass(frozen=True)
class _Spec:
    kind: str
    roles: int
    suffix: int  # 0: prefix label only, 1: prefix or suffix, 2: suffix only
    alone: bool = False  # must not be glued to a CJK character before it (文, 图 …)
    not_after: str = ""  # must not follow one of these characters


# Role words: (words, tail condition, spec). A modifier or outlet glued before a
# title (本报|见习|记者, 浙江日报|记者) or a source label (内容|来源) is read as an
# outlet and dropped, so modifiers need no entries of their own.
_VOCABULARY: list[tuple[str, str, _Spec]] = [
    ("来源标题 原标题 图片来源 视频来源 图片来自", "", _Spec(JUNK, 0, NO_SUFFIX)),  # not sources
    ("来源于 来源 转载自 转自 稿源 供稿", "", _Spec(SOURCE, 0, NO_SUFFIX)),
    ("来自", _COLON, _Spec(SOURCE, 0, NO_SUFFIX)),
    ("摄影记者 摄像记者", _REPORTER_NOT, _Spec(TITLE, PHOTO, NO_SUFFIX)),
    ("记者", _REPORTER_NOT, _Spec(TITLE, AUTHOR, NO_SUFFIX)),
    ("通讯员", "(?!站|们)", _Spec(TITLE, AUTHOR, NO_SUFFIX)),
    ("实习生", "", _Spec(TITLE, AUTHOR, NO_SUFFIX)),
    ("文/摄 文/摄影 文/图 图/文 图文 文图", _NC, _Spec(LABEL, AUTHOR | PHOTO, PREFIX_OR_SUFFIX, alone=True)),
    ("摄影报道 摄影 摄像 摄", _NC, _Spec(LABEL, PHOTO, PREFIX_OR_SUFFIX, not_after=_AFTER_VERB)),
    ("图片", _LBL, _Spec(LABEL, PHOTO, NO_SUFFIX, alone=True)),
    ("供图 配图", _NC, _Spec(LABEL, PHOTO, PREFIX_OR_SUFFIX)),
    ("图", _NC, _Spec(LABEL, PHOTO, PREFIX_OR_SUFFIX, alone=True)),
    ("文字", _LBL, _Spec(LABEL, AUTHOR, NO_SUFFIX, alone=True)),
    ("文", _NC, _Spec(LABEL, AUTHOR, PREFIX_OR_SUFFIX, alone=True)),
    ("作者", "(?!们|单位|简介)", _Spec(LABEL, AUTHOR, NO_SUFFIX)),
    ("撰稿人 撰稿 撰文 执笔", "", _Spec(LABEL, AUTHOR, NO_SUFFIX)),
    ("原创", _LBL, _Spec(LABEL, AUTHOR, NO_SUFFIX)),  # 原创：路闻卓立; a bare 原创 is a badge
    ("编译 采写 整理", _NC, _Spec(LABEL, AUTHOR, PREFIX_OR_SUFFIX)),
    ("报道 核实 整合", _NC, _Spec(LABEL, AUTHOR, SUFFIX_ONLY)),
    (
        "责任编辑 值班编辑 执行编辑 网络编辑 责编 执行主编 值班主编 主编 总编辑 总编 美编",
        "",
        _Spec(LABEL, EDITOR, NO_SUFFIX),
    ),
    ("编辑", "(?!部|室|器|们)", _Spec(LABEL, EDITOR, NO_SUFFIX)),
    ("发布者 发布人", _COLON, _Spec(LABEL, EDITOR, NO_SUFFIX)),
    ("审核 审校 审稿 校对 终审 初审 复审 一审 二审 三审", "(?!通过|工作|制度|中)", _Spec(LABEL, REVIEWER, NO_SUFFIX)),
]


def _variants(word: str) -> list[str]:
    """The word in every mix of Simplified and Traditional role-word characters (记者, 記者)."""
    forms = [""]
    for ch in word:
        forms = [f + c for f in forms for c in ch + _TRAD.get(ch, "")]
    return forms


def _trie_regex(entries: dict[str, str]) -> str:
    """A regex matching the longest of ``entries`` (word → tail condition), every branch starting with a literal.

    Literal-first branches let the regex engine skip ahead with a character
    set, which keeps a search over an ordinary paragraph at a few microseconds.
    """
    trie: dict = {}
    for word, tail in entries.items():
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = tail

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append(node[""] or "")  # the shorter word last: longest match wins
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return build(trie)


ROLE_WORDS: dict[str, _Spec] = {}
_ROLE_TAILS: dict[str, str] = {}
for _words, _tail, _spec in _VOCABULARY:
    for _word in _words.split():
        for _form in _variants(_word):
            ROLE_WORDS[_form] = _spec
            _ROLE_TAILS[_form] = _tail
ROLE_RE = re.compile(_trie_regex(_ROLE_TAILS))
_PHOTO_WORD = re.compile(_trie_regex({w: t for w, t in _ROLE_TAILS.items() if ROLE_WORDS[w].roles & PHOTO}))

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
    "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆卓吉缪车项连芦麦褚娄窦戚岑党宫费卜晏"
    "卫柏瞿桂佟应臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘苑迟邝谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚粟冼"
    "蔺楼闻厉伊仝郜阚帅屠朴练廉禹井漆狄芮扈晁阙浦戈伏鹿薄邸雍辜裘亓邰赫杭逯茹慕嵇湛戎昝"
    # Traditional forms of common surnames.
    "張劉陳楊黃趙吳孫馬鄭謝韓馮鄧許蕭蔣葉蘇呂盧鍾譚陸賈鄒閻龔萬錢嚴聶顏鮑龍賀顧歐羅衛鞏溫湯魯龐饒鄺閔"
)
COMPOUND_SURNAMES = frozenset(
    "欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 司徒 夏侯 令狐 端木 "
    "独孤 獨孤 南宫 南宮 西门 西門 轩辕 軒轅 呼延 闻人 聞人 申屠 百里 澹台 公冶 太史 钟离 鍾離 宗政 濮阳 濮陽 "
    "淳于 单于 單于 赫连 赫連 万俟 拓跋 完颜 完顏".split()
)
# Words that are never names.
NOT_NAMES = frozenset(
    "本报 本網 本网 本台 本站 本刊 综合 報道 报道 整理 图片 圖片 视频 網絡 网络 未知 佚名 匿名 暂无 不详 管理员 "
    "编辑部 供稿 资料图 资料 网友 通讯 相关 相关阅读 相关新闻 推荐阅读 打印 关闭 分享 收藏 字号 本版 转载 等等 "
    "以上 今天 昨天 今日 昨日 上午 下午 晚上 近日 日前 新华 新华社 中新社 通过 同意 您好 你好 谢谢 媒体 赞赏 "
    "最新 更多 热门".split()
)
LATIN_NOT_NAMES = frozenset(
    "admin administrator root system editor guest null none unknown user test nbsp http https www app pdf".split()
)
_OUTLET_END = re.compile(
    with_traditional(
        r"(?:网|社|台|中心|客户端|在线|新闻|传媒|集团|融媒|频道|杂志|讯|报|发布|电视|广播|APP|App|app"
        r"|局|委|办|厅|院|所|处|部|馆|队|公司|学校|政府)$"
    )
)
# Characters of running text that never occur in a person's name, and a
# speech verb glued after a name (记者 张伟说).
_NOT_IN_NAMES = re.compile("[的了是这那我你您他她们吗呢吧啊]|[说称]$")
# Characters of running text that never occur in an outlet's name.
_NOT_OUTLET = re.compile("[的了由是这那我你他她被把从向就也还又着过吗呢吧啊今昨将已正]")  # not 都: 南都, 成都
_SELF_OUTLETS = frozenset("本报 本網 本网 本台 本站 本刊".split())
SOURCE_PLACEHOLDERS = frozenset("未知来源 未知來源 未知 不详 不詳 暂无 暫無 无 無 佚名 null none unknown - -- /".split())
_AGENCY_SENT = re.compile(with_traditional(r"(.{1,10}社)发"))  # 中新社发 罗钦文 摄

# The searches other modules run, as bound methods: CPython calls a method of an imported name through a new
# bound method each time, and credit_line searches every body paragraph.
find_role_word = ROLE_RE.search
match_role_word = ROLE_RE.match
find_photo_word = _PHOTO_WORD.search
find_running_text = _NOT_OUTLET.search
match_agency_sent = _AGENCY_SENT.fullmatch


def is_cjk(ch: str) -> bool:
    """Is ``ch`` a CJK ideograph?"""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _surname_ok(word: str) -> bool:
    return word[0] in SURNAMES or word[:2] in COMPOUND_SURNAMES


def is_outlet(word: str) -> bool:
    """Does ``word`` name an outlet or an organisation (``新华社``, ``县教育局``, ``柯桥新闻网``), not a person?"""
    return word in _SELF_OUTLETS or (len(word) >= 3 and _OUTLET_END.search(word) is not None)


def _partitions(word: str) -> list[list[str]]:
    """Up to two ways to cut a glued run into 2–3 character names that each start with a surname."""
    found: list[list[str]] = []

    def walk(i: int, acc: list[str]) -> None:
        if len(found) > 1:
            return
        if i == len(word):
            if len(acc) >= 2:
                found.append(list(acc))
            return
        for size in (2, 3, 4):
            part = word[i : i + size]
            if len(part) < size:
                break
            compound = part[:2] in COMPOUND_SURNAMES
            if (size == 4 and not compound) or (size == 2 and compound) or not _surname_ok(part):
                continue
            acc.append(part)
            walk(i + size, acc)
            acc.pop()

    if len(word) <= 12:
        walk(0, [])
    return found


def word_names(word: str, strict: bool) -> list[str] | None:
    """The name(s) a word stands for, or None. ``strict``: CJK names must start with a common surname."""
    if word.isascii():
        if len(word) < 2 or len(word) > 32 or word.lower() in LATIN_NOT_NAMES:
            return None
        return [word]
    if "-" in word or word[0].isascii():
        return None
    if "·" in word:
        parts = word.split("·")
        return [word] if len(word) <= 24 and all(parts) else None
    size = len(word)
    if size < 2 or word in NOT_NAMES or is_outlet(word) or _NOT_IN_NAMES.search(word):
        return None
    if size <= 3:
        return [word] if not strict or _surname_ok(word) else None
    found = _partitions(word)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:  # ambiguous: keep the run whole
        return [word] if size <= 6 and _surname_ok(word) else None
    if size == 4 and (word[:2] in COMPOUND_SURNAMES or (not strict and word[0] in SURNAMES)):
        return [word]
    return None


def nearest_names(word: str) -> list[str] | None:
    """The word right before a suffix credit (``有序 李树民 摄``): any 2–3 character word, else strict."""
    if is_cjk(word[0]) and "·" not in word and 2 <= len(word) <= 3:
        return word_names(word, False)
    return word_names(word, True)
