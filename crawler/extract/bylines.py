"""Credit lines of Chinese local news pages: who wrote, photographed, edited and reviewed an article.

Pure functions over text (no HTML). Four entry points:

``parse_byline(text)``
    Lenient parser for an info/credit line (the line under the headline, a
    footer ``【责任编辑:…】``, a ``<meta name="source">`` value …).
``credit_line(text)``
    Strict: a :class:`Byline` only when the *whole* paragraph is a credit or
    metadata line, ``None`` for a body paragraph. An empty-but-credit line
    (``责任编辑:``, ``来源:未知来源``) returns an *empty* Byline, which is
    falsy: test the result with ``is not None``. An empty role counts only
    when a separator follows it (``编辑:`` yes, a bare ``图1`` no).
``dateline_byline(text)``
    The byline inside a dateline that opens a body paragraph
    (``本报讯(记者 姜玲 宋佳男)``, ``据新华社北京5月9日电``).
``caption_credit(caption)``
    Photographers credited in a photo caption (``县城新貌。记者 梁臻 摄``).

Vocabulary (Traditional forms 記者, 編輯, 責任編輯, 攝, 來源, 通訊員, 實習生 …
are accepted everywhere; names keep the script they were written in)

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

Rules

- Role words are found first (longest form wins; 文 and 图 only standing
  alone, 摄 not in 拍摄); the text between them is cut into words. Text glued
  before a title or label (``浙江日报记者``, ``中青报·中青网见习记者``,
  ``临平区融媒体中心记者``, ``内容来源``) is an outlet or a modifier: dropped,
  never a name nor the source (unless it reads like a sentence, 的/是/由 …).
- Outlets and organisations (``新华社``, ``县教育局``, ``县委宣传部``) standing
  where names go are neither names nor errors: ``通讯员 县教育局 张伟`` → 张伟.
- Label separators ``:`` ``：`` space ``|`` ``丨`` ``/``; fields end at
  ``|``/``丨``, brackets ``【】[]()（）``, a timestamp, contact data or an
  unknown ``标签:`` (``新闻投稿:…@qq.com``, ``新闻热线:…`` are skipped whole);
  names are separated by spaces (incl. U+00A0/U+3000), ``、 , ， ; ；`` and
  the fillers 等/和/及/与.
- An empty author/photo label stacks onto the role that follows it:
  ``撰稿:见习记者:俞中岳`` → author; ``作者: 摄影 记者 冯玉坤`` → author and
  photographer. A title under such a stack takes the stack's roles
  (``摄影 记者 X`` = photographer, like ``摄影记者 X``).
- Suffix credits (摄, 摄影, 摄影报道, 文/摄, 图, 文 …) apply to the names *before*
  them when glued (``殷新宇摄``, ``鲁冲/摄``) or when nothing name-like follows;
  otherwise they are prefix labels (``摄影 张三``). A trailing photo credit turns
  a preceding 记者 into a mere title: ``记者 梁臻 摄`` → photographer only,
  ``记者 欧阳进权 文/摄`` → author and photographer. Without a title, the names
  before a suffix are read backwards: the nearest word may be any 2–3 character
  word, the ones before it must start with a common surname, which leaves the
  caption text out (``有序 李树民 摄`` → 李树民).
- Names only — no role words, outlets, contact data, staff codes
  (``张佳文(QN0040)`` → 张佳文), numeric ids (``1464``), empty values. A name is
  2–3 CJK characters, 4 when it starts with a surname (欧阳进权, 司马相如), a
  ``·`` name (``阿依古丽·买买提``) or a Latin name; words of running text
  (的/是/您 …, a trailing 说/称: ``记者 张伟说``) are not names. Latin
  CMS user names (``fengdi``) are kept, generic accounts (admin, editor …)
  are not; consecutive Capitalised Latin words form one name (``Li Hua``);
  ``王 伟`` (a surname, a space, one character) is one name.
- Names with no separator (``记者黄云灵王夷``): a CJK run of 4+ characters is
  split only when it has exactly one partition into 2–3 character parts that
  each start with a common surname (or a compound surname, then 3–4
  characters): 黄云灵|王夷, 王伟|李明; a 4-character run with no such
  partition stays whole (欧阳进权); an ambiguous run (two partitions, like
  王海林方芳) stays whole. A run glued to a title (``记者杨睿``) must start with
  a surname to count as a name at all, and 4 glued characters stay whole only
  with a compound surname (``记者欧阳进权``, but not ``记者张三拍摄``).
- Names alone in brackets (``(张志勇 李碧露)``) are authors when each starts with
  a common surname.
- Pinyin glosses of scraper mirrors (``本報(bào)見習(xí)記者``) are removed.

Speed: ``credit_line`` first checks the length and one compiled "contains a
role or label word" regex (a trie of the role words, every branch starting
with a literal, so the engine skips ahead with a character set): an ordinary
200-character body paragraph costs about 1.5 µs. The parser only runs on the
lines that pass, and stops at the first word it cannot explain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["Byline", "parse_byline", "credit_line", "dateline_byline", "caption_credit", "is_outlet"]

# ---------------------------------------------------------------------------
# Result type


@dataclass
class Byline:
    """People and source credited by a line or a page. Lists keep first-seen order, without duplicates."""

    authors: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)
    source: str | None = None

    def merge(self, other: "Byline") -> "Byline":
        """A new Byline: each list is the union of both (this one's names first); the first non-empty source wins."""
        return Byline(
            _union(self.authors, other.authors),
            _union(self.photographers, other.photographers),
            _union(self.editors, other.editors),
            _union(self.reviewers, other.reviewers),
            self.source or other.source,
        )

    def __bool__(self) -> bool:
        return bool(self.authors or self.photographers or self.editors or self.reviewers or self.source)

    def copy(self) -> "Byline":
        """A Byline with lists of its own (for handing out a cached parse)."""
        return Byline(list(self.authors), list(self.photographers), list(self.editors), list(self.reviewers), self.source)


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


# ---------------------------------------------------------------------------
# Vocabulary

AUTHOR, PHOTO, EDITOR, REVIEWER = 1, 2, 4, 8
_PERSON_CREDIT = AUTHOR | PHOTO
_ROLE_FIELDS = ((AUTHOR, "authors"), (PHOTO, "photographers"), (EDITOR, "editors"), (REVIEWER, "reviewers"))

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

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


def _tc(pattern: str) -> str:
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


_NC = f"(?![{_CJK}])"  # not glued to a CJK character after
_LBL = r"(?=\s*[:：|｜丨/／])"  # a label only when a separator follows
_COLON = r"(?=\s*[:：])"
_REPORTER_NOT = "(?!站|节|会|证|们|团|部)"
_AFTER_VERB = "拍航自偷抓跟实街所特合遥翻"  # 拍摄, 航摄 … are verbs, not credits

TITLE, LABEL, SOURCE, JUNK = "title", "label", "source", "junk"
_NO_SUFFIX, _EITHER, _SUFFIX_ONLY = 0, 1, 2


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
    ("来源标题 原标题 图片来源 视频来源 图片来自", "", _Spec(JUNK, 0, _NO_SUFFIX)),  # not sources
    ("来源于 来源 转载自 转自 稿源 供稿", "", _Spec(SOURCE, 0, _NO_SUFFIX)),
    ("来自", _COLON, _Spec(SOURCE, 0, _NO_SUFFIX)),
    ("摄影记者 摄像记者", _REPORTER_NOT, _Spec(TITLE, PHOTO, _NO_SUFFIX)),
    ("记者", _REPORTER_NOT, _Spec(TITLE, AUTHOR, _NO_SUFFIX)),
    ("通讯员", "(?!站|们)", _Spec(TITLE, AUTHOR, _NO_SUFFIX)),
    ("实习生", "", _Spec(TITLE, AUTHOR, _NO_SUFFIX)),
    ("文/摄 文/摄影 文/图 图/文 图文 文图", _NC, _Spec(LABEL, AUTHOR | PHOTO, _EITHER, alone=True)),
    ("摄影报道 摄影 摄像 摄", _NC, _Spec(LABEL, PHOTO, _EITHER, not_after=_AFTER_VERB)),
    ("图片", _LBL, _Spec(LABEL, PHOTO, _NO_SUFFIX, alone=True)),
    ("供图 配图", _NC, _Spec(LABEL, PHOTO, _EITHER)),
    ("图", _NC, _Spec(LABEL, PHOTO, _EITHER, alone=True)),
    ("文字", _LBL, _Spec(LABEL, AUTHOR, _NO_SUFFIX, alone=True)),
    ("文", _NC, _Spec(LABEL, AUTHOR, _EITHER, alone=True)),
    ("作者", "(?!们|单位|简介)", _Spec(LABEL, AUTHOR, _NO_SUFFIX)),
    ("撰稿人 撰稿 撰文 执笔", "", _Spec(LABEL, AUTHOR, _NO_SUFFIX)),
    ("原创", _LBL, _Spec(LABEL, AUTHOR, _NO_SUFFIX)),  # 原创：路闻卓立; a bare 原创 is a badge
    ("编译 采写 整理", _NC, _Spec(LABEL, AUTHOR, _EITHER)),
    ("报道 核实 整合", _NC, _Spec(LABEL, AUTHOR, _SUFFIX_ONLY)),
    (
        "责任编辑 值班编辑 执行编辑 网络编辑 责编 执行主编 值班主编 主编 总编辑 总编 美编",
        "",
        _Spec(LABEL, EDITOR, _NO_SUFFIX),
    ),
    ("编辑", "(?!部|室|器|们)", _Spec(LABEL, EDITOR, _NO_SUFFIX)),
    ("发布者 发布人", _COLON, _Spec(LABEL, EDITOR, _NO_SUFFIX)),
    ("审核 审校 审稿 校对 终审 初审 复审 一审 二审 三审", "(?!通过|工作|制度|中)", _Spec(LABEL, REVIEWER, _NO_SUFFIX)),
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


_ROLE_WORDS: dict[str, _Spec] = {}
_ROLE_TAILS: dict[str, str] = {}
for _words, _tail, _spec in _VOCABULARY:
    for _word in _words.split():
        for _form in _variants(_word):
            _ROLE_WORDS[_form] = _spec
            _ROLE_TAILS[_form] = _tail
_ROLE_RE = re.compile(_trie_regex(_ROLE_TAILS))
_PHOTO_HINT = re.compile(_trie_regex({w: t for w, t in _ROLE_TAILS.items() if _ROLE_WORDS[w].roles & PHOTO}))

_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
    "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆卓吉缪车项连芦麦褚娄窦戚岑党宫费卜晏"
    "卫柏瞿桂佟应臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘苑迟邝谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚粟冼"
    "蔺楼闻厉伊仝郜阚帅屠朴练廉禹井漆狄芮扈晁阙浦戈伏鹿薄邸雍辜裘亓邰赫杭逯茹慕嵇湛戎昝"
    # Traditional forms of common surnames.
    "張劉陳楊黃趙吳孫馬鄭謝韓馮鄧許蕭蔣葉蘇呂盧鍾譚陸賈鄒閻龔萬錢嚴聶顏鮑龍賀顧歐羅衛鞏溫湯魯龐饒鄺閔"
)
_COMPOUND_SURNAMES = frozenset(
    "欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 司徒 夏侯 令狐 端木 "
    "独孤 獨孤 南宫 南宮 西门 西門 轩辕 軒轅 呼延 闻人 聞人 申屠 百里 澹台 公冶 太史 钟离 鍾離 宗政 濮阳 濮陽 "
    "淳于 单于 單于 赫连 赫連 万俟 拓跋 完颜 完顏".split()
)
# Words that are never names.
_NOT_NAMES = frozenset(
    "本报 本網 本网 本台 本站 本刊 综合 報道 报道 整理 图片 圖片 视频 網絡 网络 未知 佚名 匿名 暂无 不详 管理员 "
    "编辑部 供稿 资料图 资料 网友 通讯 相关 相关阅读 相关新闻 推荐阅读 打印 关闭 分享 收藏 字号 本版 转载 等等 "
    "以上 今天 昨天 今日 昨日 上午 下午 晚上 近日 日前 新华 新华社 中新社 通过 同意 您好 你好 谢谢 媒体 赞赏 "
    "最新 更多 热门".split()
)
_LATIN_NOT_NAMES = frozenset(
    "admin administrator root system editor guest null none unknown user test nbsp http https www app pdf".split()
)
_OUTLET_END = re.compile(
    _tc(
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
_SOURCE_PLACEHOLDERS = frozenset("未知来源 未知來源 未知 不详 不詳 暂无 暫無 无 無 佚名 null none unknown - -- /".split())
_AGENCY_SENT = re.compile(_tc(r"(.{1,10}社)发"))  # 中新社发 罗钦文 摄

# ---------------------------------------------------------------------------
# Normalisation

_TRANSLATE = {
    "：": ":", "（": "(", "）": ")", "［": "[", "］": "]", "〔": "[", "〕": "]", "｜": "|", "，": ",",
    "；": ";", "／": "/", "！": "!", "？": "?", "＠": "@", "・": "·", "•": "·", "‧": "·", "･": "·",
    "\u3000": " ", "\u00a0": " ", "\t": " ", "\r": " ", "\n": " ", "\u200b": "", "\u200c": "",
    "\u200d": "", "\ufeff": "", "\u2060": "",
}
_TRANSLATE.update({chr(0xFF10 + i): str(i) for i in range(10)})
_TRANSLATE.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_TRANSLATE.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_TRANS_TABLE = str.maketrans(_TRANSLATE)

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(rf"(?<=[{_CJK}])\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,8}}\)")
_STAFF_CODE = re.compile(rf"(?<=[{_CJK}A-Za-z])\s*\(\s*[A-Za-z]{{0,6}}\d{{2,}}[A-Za-z0-9\-]*\s*\)")
_SLASH = re.compile(r"\s*/\s*")
_FIELD_BREAK = "\ue000"  # private-use character: ends a field, like "|"
_PHOTO_NOTE = re.compile(_tc(r"(?:本版|本期|本文)?(?:照片|图片|图)除署名外(?:均由|均为|由)?"))
# An outlet in book-title marks right before a role word: 《棱镜》作者 周纯 reads as 棱镜作者 (a glued outlet).
_TITLED_OUTLET = re.compile(rf"《([^《》\s]{{1,16}})》(?={_ROLE_RE.pattern})")


def _normalize(text: str) -> str:
    s = text.translate(_TRANS_TABLE)
    if "(" in s:
        s = _PINYIN_GLOSS.sub("", s)
        s = _STAFF_CODE.sub("", s)
    if "/" in s:
        s = _SLASH.sub("/", s)
    if "署名" in s:
        s = _PHOTO_NOTE.sub(f" {_FIELD_BREAK} ", s)
    if "《" in s:
        s = _TITLED_OUTLET.sub(r"\1", s)
    return s.strip()


# ---------------------------------------------------------------------------
# Scanning: role tokens, then the words between them

_ROLE, _WORD, _SEP, _BRK, _TS, _JUNK, _ULABEL, _FILL = range(8)
_OPENERS = "([【<《「『"
_CLOSERS = ")]】>》」』"

_SEG_RE = re.compile(
    rf"""
    (?P<ts>\d{{4}}[-/.年]\d{{1,2}}[-/.月]\d{{1,2}}日?(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?
        |\d{{1,2}}月\d{{1,2}}日(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?
        |\d{{1,2}}:\d{{2}}(?::\d{{2}})?
        |星期[一二三四五六日天])
    |(?P<junk>[A-Za-z0-9_.+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+
        |(?:https?://|www\.)[^\s{_CJK}]+
        |[A-Za-z]{{1,4}}\d{{3,}}[A-Za-z0-9]*
        |\d+(?:[\-.]\d+)*)
    |(?P<ulabel>[{_CJK}]{{2,8}}\s*:)
    |(?P<brk>[|丨【】\[\]()<>《》「」『』"“”。!?\ue000])
    |(?P<sep>[\s、,;:/&]+)
    |(?P<fill>(?<![{_CJK}])[等和及与](?![{_CJK}]))
    |(?P<word>(?:[A-Za-z0-9]+(?=[{_CJK}]))?[{_CJK}]+(?:[·\-][{_CJK}]+)*|[A-Za-z][A-Za-z0-9_.\-]*)
    |(?P<other>.)
    """,
    re.VERBOSE,
)
_SEG_TYPES = {
    "ts": _TS, "junk": _JUNK, "ulabel": _ULABEL, "brk": _BRK, "sep": _SEP, "fill": _FILL, "word": _WORD, "other": _JUNK,
}


def _scan(s: str) -> list[tuple]:
    """Items ``(type, start, end, text, spec)`` in order; ``spec`` is set for role tokens."""
    items: list[tuple] = []
    pos = search_from = 0
    while True:
        m = _ROLE_RE.search(s, search_from)
        if m is None:
            break
        start, end, word = m.start(), m.end(), m.group()
        spec = _ROLE_WORDS[word]
        before = s[start - 1] if start else ""
        if before and ((spec.alone and _is_cjk(before)) or before in spec.not_after):
            search_from = start + 1  # 袁静文核实, 拍摄: part of a word; a shorter role may start later
            continue
        if start > pos:
            _scan_segment(s, pos, start, items)
        items.append((_ROLE, start, end, word, spec))
        pos = search_from = end
    if pos < len(s):
        _scan_segment(s, pos, len(s), items)
    _join_split_names(items)
    return items


def _scan_segment(s: str, start: int, end: int, items: list) -> None:
    for m in _SEG_RE.finditer(s, start, end):
        items.append((_SEG_TYPES[m.lastgroup], m.start(), m.end(), m.group(), None))


def _join_split_names(items: list) -> None:
    """Join names that a single space splits.

    ``王 伟`` (a surname, one space, one character) is one name, typeset to
    align with 3-character names; ``Li Hua`` (Capitalised Latin words) is one.
    """
    i = 0
    while i + 2 < len(items):
        a, sep, b = items[i], items[i + 1], items[i + 2]
        if a[0] == _WORD and sep[0] == _SEP and b[0] == _WORD and sep[3] == " ":
            x, y = a[3], b[3]
            if (len(x) == 1 and len(y) == 1 and x in _SURNAMES and _is_cjk(y)) or (
                _CAPITALISED.fullmatch(x) and _CAPITALISED.fullmatch(y)
            ):
                items[i : i + 3] = [(_WORD, a[1], b[2], f"{x}{' ' if x.isascii() else ''}{y}", None)]
                continue
        i += 1


_CAPITALISED = re.compile(r"(?:[A-Z][a-z]+ )*[A-Z][a-z]+")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


# ---------------------------------------------------------------------------
# Names


def _surname_ok(word: str) -> bool:
    return word[0] in _SURNAMES or word[:2] in _COMPOUND_SURNAMES


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
            compound = part[:2] in _COMPOUND_SURNAMES
            if (size == 4 and not compound) or (size == 2 and compound) or not _surname_ok(part):
                continue
            acc.append(part)
            walk(i + size, acc)
            acc.pop()

    if len(word) <= 12:
        walk(0, [])
    return found


def _names(word: str, strict: bool) -> list[str] | None:
    """The name(s) a word stands for, or None. ``strict``: CJK names must start with a common surname."""
    if word.isascii():
        if len(word) < 2 or len(word) > 32 or word.lower() in _LATIN_NOT_NAMES:
            return None
        return [word]
    if "-" in word or word[0].isascii():
        return None
    if "·" in word:
        parts = word.split("·")
        return [word] if len(word) <= 24 and all(parts) else None
    size = len(word)
    if size < 2 or word in _NOT_NAMES or is_outlet(word) or _NOT_IN_NAMES.search(word):
        return None
    if size <= 3:
        return [word] if not strict or _surname_ok(word) else None
    found = _partitions(word)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:  # ambiguous: keep the run whole
        return [word] if size <= 6 and _surname_ok(word) else None
    if size == 4 and (word[:2] in _COMPOUND_SURNAMES or (not strict and word[0] in _SURNAMES)):
        return [word]
    return None


def _nearest_names(word: str) -> list[str] | None:
    """The word right before a suffix credit (``有序 李树民 摄``): any 2–3 character word, else strict."""
    if _is_cjk(word[0]) and "·" not in word and 2 <= len(word) <= 3:
        return _names(word, False)
    return _names(word, True)


# ---------------------------------------------------------------------------
# Parsing

_SEPARATOR_AFTER = re.compile(r"\s*[:|丨/]")
# "来源|广州参考": a pipe right after the label separates it from the value; after a space it ends the field.
_SOURCE_VALUE = re.compile(r"[|丨]?[\s:/(\[【《]*([^\s|丨【】\[\]()<>《》,;、]+)")


def _clean_source(value: str) -> str | None:
    if ":" in value.rstrip(":") or (value.endswith(":") and len(value) > 1):
        if not value.startswith("http"):
            return None  # "来源: 发布时间: 2018-05-17": the next label, not a source
    value = value.strip(" .,;:。》>")
    if not value or value.lower() in _SOURCE_PLACEHOLDERS:
        return None
    return value


class _Group:
    __slots__ = ("roles", "kind", "intro", "names", "words", "open_br", "close_br")

    def __init__(self, roles: int, kind: str, intro: int = -1):
        self.roles = roles
        self.kind = kind  # "title" | "label" | "orphan" (names without a role yet) | "suffixed"
        self.intro = intro
        self.names: list[str] = []
        self.words: list[tuple[int, str]] = []  # orphan words, validated at the end
        self.open_br = False
        self.close_br = False


class _Result:
    __slots__ = ("byline", "unexplained", "has_role")

    def __init__(self, byline: Byline, unexplained: bool, has_role: bool):
        self.byline = byline
        self.unexplained = unexplained
        self.has_role = has_role


_BAILED = _Result(Byline(), True, False)


# A site prints the same credit lines on every page (编辑：冯娣, 来源：…融媒体中心): a parse is cached, and
# what leaves this module is a copy (Byline.copy), never the cached Byline itself.
@lru_cache(maxsize=8192)
def _parse(s: str, strict_names: bool = False, bail: bool = False) -> _Result:
    """Parse a normalised line.

    ``unexplained`` is set when some word is neither a name, a role, an
    outlet nor noise; with ``bail`` the parse stops there (credit_line only
    needs to know). ``strict_names``: every CJK name must start with a
    common surname.
    """
    items = _scan(s)
    n = len(items)
    groups: list[_Group] = []
    group_of_word: dict[int, _Group] = {}
    group_of_role: dict[int, _Group] = {}
    cur: _Group | None = None
    source: str | None = None
    bare_source: str | None = None
    consumed_end = -1
    skipping = False
    unexplained = False
    has_role = False
    leading_ts = -1
    first_significant = True

    def prev_nonsep(i: int) -> int:
        i -= 1
        while i >= 0 and items[i][0] == _SEP:
            i -= 1
        return i

    def next_role_start(i: int) -> int:
        for k in range(i + 1, n):
            if items[k][0] == _ROLE:
                return items[k][1]
        return len(s)

    def glued_outlet(k: int) -> bool:
        """Word k is glued to the title/label after it, and not to a role before it (浙江日报|记者)."""
        if k + 1 >= n:
            return False
        nxt, prv = items[k + 1], items[k - 1] if k > 0 else None
        return (
            nxt[0] == _ROLE and nxt[1] == items[k][2] and nxt[4].suffix == _NO_SUFFIX and nxt[4].kind != JUNK
            and not (prv is not None and prv[0] == _ROLE and prv[2] == items[k][1] and prv[4].kind in (TITLE, LABEL))
        )

    def try_suffix(i: int) -> bool:
        spec = items[i][4]
        j, glue = i - 1, True
        while j >= 0 and items[j][0] == _SEP:
            if items[j][3].strip() != "/":
                glue = False
            j -= 1
        if j < 0 or items[j][0] != _WORD or j not in group_of_word:
            return False
        group = group_of_word[j]
        k = i + 1
        while k < n and items[k][0] == _SEP:
            k += 1
        follows = k < n and items[k][0] == _WORD and not glued_outlet(k) and _names(items[k][3], False) is not None
        if spec.suffix == _EITHER and follows and not glue:
            if group.kind != "orphan" or _names(items[j][3], True) is None:
                return False  # a prefix label for the names that follow
        if group.kind == "title":
            group.roles = spec.roles
            group.kind = "suffixed"
        elif group.kind in ("label", "suffixed"):
            group.roles |= spec.roles
        else:
            words = group.words
            idx = len(words) - 1
            while idx >= 0 and words[idx][0] != j:
                idx -= 1
            if idx < 0:
                return False
            taken = _nearest_names(words[idx][1])
            if not taken:
                return False
            p = idx - 1
            while p >= 0:
                more = _names(words[p][1], True)
                if not more:
                    break
                taken = more + taken
                p -= 1
            credited = _Group(spec.roles, "suffixed")
            credited.names = taken
            group.words = words[: p + 1]
            groups.insert(groups.index(group) + 1, credited)
        return True

    for i, (typ, start, end, text, spec) in enumerate(items):
        if typ == _SEP:
            if skipping and text.count(" ") >= 2:
                skipping = False
            continue
        if typ == _ROLE:
            first_significant = False
            skipping = False
            if spec.kind == JUNK:
                cur, skipping = None, True
                continue
            if spec.kind == SOURCE:
                cur = None
                if _SEPARATOR_AFTER.match(s, end):
                    has_role = True
                m = _SOURCE_VALUE.match(s, end, next_role_start(i))
                if m:
                    has_role = True
                    consumed_end = m.end()
                    value = _clean_source(m.group(1))
                    if source is None and value:
                        source = value
                continue
            if spec.suffix != _NO_SUFFIX and try_suffix(i):
                has_role, cur = True, None
                continue
            if spec.suffix == _SUFFIX_ONLY:
                continue
            if _SEPARATOR_AFTER.match(s, end):
                has_role = True  # "责任编辑:" credits nobody but is a credit line; a bare "图1" is not
            roles = spec.roles
            j = prev_nonsep(i)
            stacked = group_of_role.get(j)
            if (
                stacked is not None and stacked.kind == "label" and not stacked.names
                and not stacked.roles & ~_PERSON_CREDIT
            ):
                if spec.kind == TITLE:
                    roles = stacked.roles | (roles if roles != AUTHOR else 0)
                elif not roles & ~_PERSON_CREDIT:
                    roles |= stacked.roles
            cur = _Group(roles, "title" if spec.kind == TITLE else "label", i)
            group_of_role[i] = cur
            groups.append(cur)
            continue
        if typ == _BRK:
            if (
                text in "|丨" and cur is not None and cur.kind in ("title", "label")
                and not cur.names and prev_nonsep(i) == cur.intro
            ):
                continue  # "作者 | 周志鹏": the pipe separates a label from its value
            if cur is not None and cur.kind == "orphan" and text in _CLOSERS:
                cur.close_br = True
            cur, skipping = None, False
            continue
        if typ == _FILL:
            continue
        if typ == _TS:
            if first_significant:
                leading_ts = i
            first_significant = False
            cur = None
            continue
        if typ == _ULABEL:
            first_significant = False
            cur, skipping = None, True
            continue
        if typ == _JUNK:
            if text not in "■●◆▲★□◇►▶※*-—…·":
                first_significant = False
                cur = None
            continue
        # a word
        first_significant = False
        if start < consumed_end or skipping:
            continue
        if glued_outlet(i):
            if _NOT_OUTLET.search(text):
                unexplained = True  # "这张照片由|记者": a sentence, not an outlet
                if bail:
                    return _BAILED
            cur = None
            continue
        if cur is not None and cur.kind in ("title", "label"):
            prv = items[i - 1]
            glued_after_role = prv[0] == _ROLE and prv[2] == start
            names = _names(text, strict_names or glued_after_role)
            if names:
                cur.names.extend(names)
                group_of_word[i] = cur
                has_role = True
            elif glued_after_role or _NOT_OUTLET.search(text) or not (
                # not a person but not running text either: an outlet or an
                # organisation after a label ("图/新华社", "作者：青溪县教育局")
                is_outlet(text) or text in _NOT_NAMES or text.lower() in _LATIN_NOT_NAMES
                or (
                    cur.kind == "label" and not items[cur.intro][4].alone and len(text) <= 16
                    and _SEPARATOR_AFTER.match(s, items[cur.intro][2])
                )
            ):
                unexplained, cur = True, None
                if bail:
                    return _BAILED
            continue
        if leading_ts >= 0 and prev_nonsep(i) == leading_ts and is_outlet(text):
            bare_source = bare_source or text
            has_role = True
            continue
        agency = _AGENCY_SENT.fullmatch(text)
        if agency:
            bare_source = bare_source or agency.group(1)
            continue
        if is_outlet(text):
            continue
        if cur is None or cur.kind != "orphan":
            cur = _Group(0, "orphan")
            j = prev_nonsep(i)
            cur.open_br = j >= 0 and items[j][0] == _BRK and items[j][3] in _OPENERS
            groups.append(cur)
        cur.words.append((i, text))
        group_of_word[i] = cur
    if cur is not None and cur.kind == "orphan":
        cur.close_br = True

    found: dict[int, list[str]] = {AUTHOR: [], PHOTO: [], EDITOR: [], REVIEWER: []}
    for group in groups:
        if group.kind == "orphan":
            if not group.words:
                continue
            names = [_names(word, True) for _, word in group.words]
            if group.open_br and group.close_br and all(names):
                found[AUTHOR].extend(name for part in names for name in part)
                has_role = True
            else:
                unexplained = True
            continue
        for bit, _ in _ROLE_FIELDS:
            if group.roles & bit:
                found[bit].extend(group.names)
    byline = Byline(*(list(dict.fromkeys(found[bit])) for bit, _ in _ROLE_FIELDS), source or bare_source)
    return _Result(byline, unexplained, has_role)


# ---------------------------------------------------------------------------
# Datelines

_MARKS = "■●◆▲★□◇►▶※"
_DATELINE = re.compile(
    _tc(
        rf"[\s{_MARKS}]*(?P<ju>据)?(?P<head>[{_CJK}A-Za-z·\-]{{1,24}}?)"
        r"(?:(?P<date>(?:\d{2,4}年)?\d{1,2}月\d{1,2}日|\d{1,2}日)(?P<k1>讯|电)"
        r"|(?<=社)(?P<k2>电)"
        r"|(?<=[报网社台端线心媒闻快简视刊站号])(?P<k3>讯))"
        r"(?!话|视|脑|影|力|子|器|池|网|台|梯|费|商|动|源|息|号|问)"
    )
)
# A wire dateline in brackets, the reporter's name glued to the place: (中央社记者邱俊钦桃园19日电)
_BRACKETED_WIRE = re.compile(
    _tc(rf"\s*\(\s*(?P<outlet>[{_CJK}]{{1,8}}?)(?:特派|驻\S{{1,4}})?记者(?P<rest>[{_CJK}·]{{2,9}}?)\d{{1,2}}日电\s*\)")
)
_DATELINE_HINT = re.compile(_tc(r"讯|电"))
_DATELINE_OUTLET = re.compile(_tc(r".*(?:网|报|台|在线|客户端|新闻|中心|频道|APP)"))
_DATELINE_BYLINE_END = re.compile(r"[,。!?;:]")


def _wire_name(rest: str) -> str:
    """The reporter's name in a name glued to a place (邱俊钦桃园 → 邱俊钦, 王芳台北 → 王芳)."""
    if len(rest) <= 3 or rest[:2] in _COMPOUND_SURNAMES and len(rest) <= 4:
        return rest
    return rest[:2] if len(rest) == 4 else rest[:3]


def _dateline(s: str) -> tuple[Byline, int] | None:
    """The byline of a dateline at the start of ``s`` and where it ends, or None when there is no dateline."""
    wire = _BRACKETED_WIRE.match(s)
    if wire is not None:
        name = _names(_wire_name(wire["rest"]), True)
        return Byline(authors=name or [], source=wire["outlet"] if wire["outlet"].endswith("社") else None), wire.end()
    m = _DATELINE.match(s)
    if not m:
        return None
    head = m.group("head")
    source = None
    kind = m.group("k1") or m.group("k2") or m.group("k3")
    if m.group("ju") or (kind in "电電" and "社" in head):
        if "社" in head:
            source = head[: head.index("社") + 1]
        else:
            outlet = _DATELINE_OUTLET.match(head)
            source = outlet.group() if outlet else head
    byline = Byline(source=source)
    end = m.end()
    j = end
    while j < len(s) and s[j] in " :":
        j += 1
    if j < len(s) and s[j] in "([【":
        close = s.find({"(": ")", "[": "]", "【": "】"}[s[j]], j)
        if close > 0:
            byline = byline.merge(_parse(s[j : close + 1]).byline)
            end = close + 1
    elif (role := _ROLE_RE.match(s, j)) and _ROLE_WORDS[role.group()].kind in (TITLE, LABEL):
        stop = _DATELINE_BYLINE_END.search(s, j)
        segment = s[j : stop.start() if stop else len(s)]
        byline = byline.merge(_parse(segment, strict_names=True).byline)
        end = j + len(segment)
    return byline, end


# ---------------------------------------------------------------------------
# Public API

_MAX_CREDIT_LEN = 256
_SENTENCE_END = re.compile(r"[!?]|。(?!$)")


def parse_byline(text: str) -> Byline:
    """Parse an info/credit line into roles.

    Lenient: whatever cannot be read as a role, a name, an outlet or known
    noise (timestamps, contact data, unknown ``标签:`` fields) is ignored.
    ``parse_byline("来源: 嘉兴日报 作者: 摄影 记者 冯玉坤 编辑: 朱琴燕")`` →
    authors and photographers ``['冯玉坤']``, editors ``['朱琴燕']``, source
    ``'嘉兴日报'``. A leading dateline (``本报讯(记者 …)``) is read too.
    """
    if not text:
        return Byline()
    s = _normalize(text)
    dateline = _dateline(s) if _DATELINE_HINT.search(s, 0, 48) else None
    if dateline is not None:
        byline, end = dateline
        return byline.merge(_parse(s[end:]).byline)
    return _parse(s).byline.copy()


def credit_line(text: str) -> Byline | None:
    """If the WHOLE paragraph is a credit/metadata line, return its Byline; None for a normal body paragraph.

    Credit lines: editor, source, author, photo-credit and reviewer lines, the
    info line under a headline, a parenthesised trailing byline (``(记者 谢婷)``,
    ``(张志勇 李碧露)``). Every word must be a role, a name, an outlet or
    known noise, so a sentence that merely mentions 记者/编辑/来源 gives None
    (``记者从县教育局获悉，今年全县新增学位3000个。``). A credit line that credits
    nobody (``责任编辑:``, ``来源:未知来源``) gives an *empty* Byline, which is
    falsy: test with ``is not None``. Datelines (``本报讯(记者 …)``) give None:
    they open the body, see :func:`dateline_byline`.
    """
    if not text or len(text) > _MAX_CREDIT_LEN:
        return None
    if not _ROLE_RE.search(text):
        t = text.lstrip()
        if not t or not ((t[0] in "(（[【" and len(t) <= 40) or t[0].isdigit()):
            return None
    s = _normalize(text)
    if not s or _SENTENCE_END.search(s):
        return None
    if _DATELINE_HINT.search(s, 0, 48) and _DATELINE.match(s):
        return None
    result = _parse(s, bail=True)
    if result.unexplained or not result.has_role:
        return None
    return result.byline.copy()


def dateline_byline(text: str) -> Byline | None:
    """The byline inside a dateline that opens a body paragraph, else None. The paragraph itself stays in the body.

    ``华商报讯(记者 贺秋平 通讯员 袁红丽)…`` → authors ``['贺秋平', '袁红丽']``;
    ``据新华社北京5月9日电`` → source ``'新华社'``; ``（中央社记者邱俊钦桃园19日电）``
    → authors ``['邱俊钦']``, source ``'中央社'``. The outlet of a dateline is
    a source only when attributed (``据…``) or for an agency wire (``…社…电``);
    ``本报讯``/``XX网讯`` name the publishing site itself and give no source.
    Without brackets (``本报讯 记者 张三 通讯员 李四 昨天…``) names must start
    with a common surname and end at the first non-name.
    """
    if not text or not _DATELINE_HINT.search(text, 0, 48):
        return None
    found = _dateline(_normalize(text[:300]))
    if found is None or not found[0]:
        return None
    return found[0]


def caption_credit(caption: str) -> list[str]:
    """Photographer names credited in a photo caption (``县城新貌。记者 梁臻 摄`` → ``['梁臻']``).

    The caption text before the credit is left out: the name right before a
    trailing 摄 may be any 2–3 character word, names before it must start with
    a common surname (``有序 李树民 摄`` → ``['李树民']``).
    """
    if not caption or not _PHOTO_HINT.search(caption):
        return []
    return list(_parse(_normalize(caption)).byline.photographers)
