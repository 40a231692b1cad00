"""Byline parsing: every line of research §4.1, then one group of cases per rule."""

import pytest

from crawler.extract.bylines import Byline, caption_credit, credit_line, dateline_byline, parse_byline


def B(authors=(), photographers=(), editors=(), reviewers=(), source=None) -> Byline:
    return Byline(list(authors), list(photographers), list(editors), list(reviewers), source)


EMPTY = B()

# ---------------------------------------------------------------------------
# Research §4.1, exact text. (text, parse_byline result, credit_line result)
# credit_line is None for datelines (they stay in the body), body text and
# caption fragments; an empty Byline for a credit line that credits nobody.

RESEARCH_LINES = [
    (
        "2020-05-09 21:22:03  浙江日报记者 王国锋 余勤 全媒体记者 俞立权 高洁 王伟 许镜蕾 徐晔 潘鑫 编辑:fengdi",
        B(["王国锋", "余勤", "俞立权", "高洁", "王伟", "许镜蕾", "徐晔", "潘鑫"], editors=["fengdi"]),
        "same",
    ),
    ("浙江新闻客户端记者 梁臻 摄", B(photographers=["梁臻"]), "same"),
    ("来源:柯桥传媒集团", B(source="柯桥传媒集团"), "same"),
    ("编辑:冯娣", B(editors=["冯娣"]), "same"),
    (
        "来源: 嘉兴日报 作者: 摄影 记者 冯玉坤 编辑: 朱琴燕",
        B(["冯玉坤"], ["冯玉坤"], ["朱琴燕"], source="嘉兴日报"),
        "same",
    ),
    (
        "来源:读嘉 | 撰稿:见习记者:俞中岳 | 责编:陆姗姗 审核:张渊 新闻投稿:184042016@qq.com 新闻热线:13157110107",
        B(["俞中岳"], editors=["陆姗姗"], reviewers=["张渊"], source="读嘉"),
        "same",
    ),
    (
        "来源:浙江在线-缙云新闻网 记者 吴敏超 通讯员 许小峰 郑清",
        B(["吴敏超", "许小峰", "郑清"], source="浙江在线-缙云新闻网"),
        "same",
    ),
    ("浙江在线-缙云新闻网6月23日讯(浙江在线记者 吴敏超 通讯员 许小峰 郑清)", B(["吴敏超", "许小峰", "郑清"]), None),
    ("福州新闻网11月22日讯(福州日报记者 欧阳进权 文/摄)", B(["欧阳进权"], ["欧阳进权"]), None),
    ("【责任编辑:马春林】", B(editors=["马春林"]), "same"),
    ("华商报讯(记者 贺秋平 通讯员 袁红丽)", B(["贺秋平", "袁红丽"]), None),
    ("本报讯 (记者 姜玲 宋佳男)", B(["姜玲", "宋佳男"]), None),
    ("衢江传媒集团记者杨睿", B(["杨睿"]), "same"),
    ("临安区融媒体中心记者郑丽飞", B(["郑丽飞"]), "same"),
    # End of a body paragraph: the names in brackets are read, but the paragraph is body.
    ("…道路的障碍…(张志勇 李碧露)", B(["张志勇", "李碧露"]), None),
    ("(张志勇 李碧露)", B(["张志勇", "李碧露"]), "same"),
    ("【责任编辑:柳生】", B(editors=["柳生"]), "same"),
    ("(记者 谢婷)", B(["谢婷"]), "same"),
    ("(记者黄云灵王夷)", B(["黄云灵", "王夷"]), "same"),
    ("■本報(bào)見習(xí)記者 朱凌君 鞏持平", B(["朱凌君", "鞏持平"]), "same"),
    ("■本报见习记者 朱凌君 巩持平", B(["朱凌君", "巩持平"]), "same"),
    ("大河报记者朱建豪,实习生袁静文核实:", B(["朱建豪", "袁静文"]), "same"),
    ("溫州網2月7日訊(記者 潘涌燚 楊國俊 實(shí)習生 吳銘舒)", B(["潘涌燚", "楊國俊", "吳銘舒"]), None),
    ("温州网2月7日讯(记者 潘涌燚 杨国俊 实习生 吴铭舒)", B(["潘涌燚", "杨国俊", "吴铭舒"]), None),
    ("新华社记者 宋为伟 摄", B(photographers=["宋为伟"]), "same"),
    ("责任编辑:张佳文(QN0040)", B(editors=["张佳文"]), "same"),
    ("人民日报记者 殷新宇摄", B(photographers=["殷新宇"]), "same"),
    ("刘新吾  陈科儒 摄影报道", B(photographers=["刘新吾", "陈科儒"]), "same"),
    ("中青报·中青网见习记者 鲁冲/摄", B(photographers=["鲁冲"]), "same"),
    ("中新社发 罗钦文 摄", B(photographers=["罗钦文"], source="中新社"), "same"),
    ("(文/刘婧 本版照片除署名外均由 刘阳 邓志宏 摄)", B(["刘婧"], ["刘阳", "邓志宏"]), "same"),
    # Caption fragments from a digital paper: the caption words are not names.
    ("有序 李树民 摄", B(photographers=["李树民"]), None),
    ("消杀    白成旭 摄", B(photographers=["白成旭"]), None),
    ("记者 牛志勇  摄", B(photographers=["牛志勇"]), "same"),
    ("井娇摄影报道", B(photographers=["井娇"]), "same"),
    ("2021-11-08 15:14:10  来源:县融媒体中心  责任编辑:", B(source="县融媒体中心"), "same"),
    ("作者 | 周志鹏", B(["周志鹏"]), "same"),
    ("责编 | 仲培艺", B(editors=["仲培艺"]), "same"),
    ("2016-09-17 10:21 新华网", B(source="新华网"), "same"),
    ("来源标题:中秋佳节 别样团圆", EMPTY, None),
    ("来源:未知来源", EMPTY, "same"),
    # <meta name="source" content="来源：人民日报">, <meta name="author" content="1464">, <meta name="editor" content="">
    ("来源：人民日报", B(source="人民日报"), "same"),
    ("1464", EMPTY, None),
    ("", EMPTY, None),
    ("责任编辑：王洋", B(editors=["王洋"]), "same"),
    # The research gives the shapes "… | 发布者: x | 来自: y" and "编辑: X"; filled in with real-looking values.
    ("2020-05-09 21:22 | 发布者: liuyang | 来自: 宁波日报", B(editors=["liuyang"], source="宁波日报"), "same"),
    ("编辑: 刘阳", B(editors=["刘阳"]), "same"),
]


@pytest.mark.parametrize("text, expected, _credit", RESEARCH_LINES, ids=[r[0] or "empty" for r in RESEARCH_LINES])
def test_research_line_parse_byline(text, expected, _credit):
    assert parse_byline(text) == expected


@pytest.mark.parametrize("text, expected, credit", RESEARCH_LINES, ids=[r[0] or "empty" for r in RESEARCH_LINES])
def test_research_line_credit_line(text, expected, credit):
    if credit is None:
        assert credit_line(text) is None
    else:
        assert credit_line(text) == expected


RESEARCH_DATELINES = [
    ("浙江在线-缙云新闻网6月23日讯(浙江在线记者 吴敏超 通讯员 许小峰 郑清)", B(["吴敏超", "许小峰", "郑清"])),
    ("福州新闻网11月22日讯(福州日报记者 欧阳进权 文/摄)", B(["欧阳进权"], ["欧阳进权"])),
    ("华商报讯(记者 贺秋平 通讯员 袁红丽)", B(["贺秋平", "袁红丽"])),
    ("本报讯 (记者 姜玲 宋佳男)", B(["姜玲", "宋佳男"])),
    ("溫州網2月7日訊(記者 潘涌燚 楊國俊 實(shí)習生 吳銘舒)", B(["潘涌燚", "楊國俊", "吳銘舒"])),
    ("温州网2月7日讯(记者 潘涌燚 杨国俊 实习生 吴铭舒)", B(["潘涌燚", "杨国俊", "吴铭舒"])),
    ("据新华社北京5月9日电", B(source="新华社")),
]


@pytest.mark.parametrize("text, expected", RESEARCH_DATELINES, ids=[r[0] for r in RESEARCH_DATELINES])
def test_research_dateline(text, expected):
    assert dateline_byline(text) == expected


RESEARCH_CAPTIONS = [
    ("浙江新闻客户端记者 梁臻 摄", ["梁臻"]),
    ("新华社记者 宋为伟 摄", ["宋为伟"]),
    ("人民日报记者 殷新宇摄", ["殷新宇"]),
    ("刘新吾  陈科儒 摄影报道", ["刘新吾", "陈科儒"]),
    ("中青报·中青网见习记者 鲁冲/摄", ["鲁冲"]),
    ("中新社发 罗钦文 摄", ["罗钦文"]),
    ("(文/刘婧 本版照片除署名外均由 刘阳 邓志宏 摄)", ["刘阳", "邓志宏"]),
    ("有序 李树民 摄", ["李树民"]),
    ("消杀    白成旭 摄", ["白成旭"]),
    ("记者 牛志勇  摄", ["牛志勇"]),
    ("井娇摄影报道", ["井娇"]),
]


@pytest.mark.parametrize("caption, expected", RESEARCH_CAPTIONS, ids=[r[0] for r in RESEARCH_CAPTIONS])
def test_research_caption(caption, expected):
    assert caption_credit(caption) == expected


# ---------------------------------------------------------------------------
# Role words

ROLE_WORDS = [
    # authors
    ("记者 张伟", B(["张伟"])),
    ("本报记者 张伟", B(["张伟"])),
    ("全媒体记者 张伟", B(["张伟"])),
    ("融媒体记者 张伟", B(["张伟"])),
    ("见习记者 张伟", B(["张伟"])),
    ("特约记者 张伟", B(["张伟"])),
    ("通讯员 张伟", B(["张伟"])),
    ("特约通讯员 张伟", B(["张伟"])),
    ("实习生 张伟", B(["张伟"])),
    ("文/张伟", B(["张伟"])),
    ("作者:张伟", B(["张伟"])),
    ("撰稿:张伟", B(["张伟"])),
    ("撰文:张伟", B(["张伟"])),
    ("编译:张伟", B(["张伟"])),
    ("原创:张伟", B(["张伟"])),
    ("文字:张伟", B(["张伟"])),
    ("采写:张伟", B(["张伟"])),
    ("张伟 编译", B(["张伟"])),
    ("记者 张伟 报道", B(["张伟"])),
    ("张伟/文", B(["张伟"])),
    # photographers
    ("张伟 摄", B(photographers=["张伟"])),
    ("张伟摄", B(photographers=["张伟"])),
    ("摄影:张伟", B(photographers=["张伟"])),
    ("张伟 摄影", B(photographers=["张伟"])),
    ("张伟 摄影报道", B(photographers=["张伟"])),
    ("图/张伟", B(photographers=["张伟"])),
    ("张伟/图", B(photographers=["张伟"])),
    ("图片:张伟", B(photographers=["张伟"])),
    ("张伟 供图", B(photographers=["张伟"])),
    ("摄像:张伟", B(photographers=["张伟"])),
    ("摄影记者 张伟", B(photographers=["张伟"])),
    ("摄影 记者 张伟", B(photographers=["张伟"])),
    # both
    ("文/摄 张伟", B(["张伟"], ["张伟"])),
    ("张伟 文/摄", B(["张伟"], ["张伟"])),
    ("张伟 文/图", B(["张伟"], ["张伟"])),
    ("图/文:张伟", B(["张伟"], ["张伟"])),
    ("图文:张伟", B(["张伟"], ["张伟"])),
    ("文 / 摄 张伟", B(["张伟"], ["张伟"])),
    # editors (主编 is an editor)
    ("编辑:张伟", B(editors=["张伟"])),
    ("责任编辑:张伟", B(editors=["张伟"])),
    ("责编:张伟", B(editors=["张伟"])),
    ("值班编辑:张伟", B(editors=["张伟"])),
    ("主编:张伟", B(editors=["张伟"])),
    ("总编辑:张伟", B(editors=["张伟"])),
    ("美术编辑:张伟", B(editors=["张伟"])),
    # reviewers, never editors
    ("审核:张伟", B(reviewers=["张伟"])),
    ("校对:张伟", B(reviewers=["张伟"])),
    ("终审:张伟", B(reviewers=["张伟"])),
    ("初审:张伟", B(reviewers=["张伟"])),
    ("复审:张伟", B(reviewers=["张伟"])),
    ("一审:张伟 二审:李明 三审:赵刚", B(reviewers=["张伟", "李明", "赵刚"])),
    # sources
    ("来源:人民网", B(source="人民网")),
    ("稿源:人民网", B(source="人民网")),
    ("转自:人民网", B(source="人民网")),
    ("来源于:人民网", B(source="人民网")),
    ("内容来源:人民网", B(source="人民网")),
    ("本文来源:人民网", B(source="人民网")),
    ("来自:人民网", B(source="人民网")),
    ("来源：《人民日报》", B(source="人民日报")),
]


@pytest.mark.parametrize("text, expected", ROLE_WORDS, ids=[r[0] for r in ROLE_WORDS])
def test_role_word(text, expected):
    assert parse_byline(text) == expected
    assert credit_line(text) == expected


TRADITIONAL = [
    ("記者 張偉", B(["張偉"])),
    ("編輯:李華", B(editors=["李華"])),
    ("責任編輯:李華", B(editors=["李華"])),
    ("記者 陳明 攝", B(photographers=["陳明"])),
    ("來源:人民日報", B(source="人民日報")),
    ("通訊員 王明 實習生 李華", B(["王明", "李華"])),
    ("審核:張偉", B(reviewers=["張偉"])),
]


@pytest.mark.parametrize("text, expected", TRADITIONAL, ids=[r[0] for r in TRADITIONAL])
def test_traditional_role_words(text, expected):
    assert parse_byline(text) == expected


# ---------------------------------------------------------------------------
# Delimiters

DELIMITERS = [
    # label separators
    ("编辑：王伟", B(editors=["王伟"])),
    ("编辑:王伟", B(editors=["王伟"])),
    ("编辑 王伟", B(editors=["王伟"])),
    ("编辑|王伟", B(editors=["王伟"])),
    ("编辑 丨 王伟", B(editors=["王伟"])),
    ("编辑/王伟", B(editors=["王伟"])),
    ("编辑：｜王伟", B(editors=["王伟"])),
    # between fields
    ("来源：浙江日报  编辑：王伟", B(editors=["王伟"], source="浙江日报")),
    ("来源：浙江日报\u00a0\u00a0编辑：王伟", B(editors=["王伟"], source="浙江日报")),
    ("来源：浙江日报\u3000\u3000编辑：王伟", B(editors=["王伟"], source="浙江日报")),
    ("来源：浙江日报 | 编辑：王伟", B(editors=["王伟"], source="浙江日报")),
    ("来源：浙江日报 丨 编辑：王伟", B(editors=["王伟"], source="浙江日报")),
    ("作者：李明【编辑：王伟】", B(["李明"], editors=["王伟"])),
    ("编辑：王伟[审核：李明]", B(editors=["王伟"], reviewers=["李明"])),
    ("编辑:王伟(审核:李明)", B(editors=["王伟"], reviewers=["李明"])),
    ("编辑：王伟（审核：李明）", B(editors=["王伟"], reviewers=["李明"])),
    ("记者 张三（通讯员 李四）", B(["张三", "李四"])),
    # between names
    ("记者 张三 李四", B(["张三", "李四"])),
    ("记者 张三、李四", B(["张三", "李四"])),
    ("记者 张三,李四", B(["张三", "李四"])),
    ("记者 张三，李四", B(["张三", "李四"])),
    ("记者 张三;李四", B(["张三", "李四"])),
    ("记者 张三；李四", B(["张三", "李四"])),
    ("记者 张三 李四 等", B(["张三", "李四"])),
    ("编辑:王伟 李明 审核:赵刚", B(editors=["王伟", "李明"], reviewers=["赵刚"])),
]


@pytest.mark.parametrize("text, expected", DELIMITERS, ids=[r[0] for r in DELIMITERS])
def test_delimiters(text, expected):
    assert parse_byline(text) == expected
    assert credit_line(text) == expected


# ---------------------------------------------------------------------------
# Outlets, nesting, suffix credits


@pytest.mark.parametrize(
    "text, expected",
    [
        ("浙江日报记者 王国锋", B(["王国锋"])),
        ("临平区融媒体中心记者 张伟", B(["张伟"])),
        ("中青报·中青网见习记者 鲁冲", B(["鲁冲"])),
        ("新华社记者 宋为伟", B(["宋为伟"])),
        ("FM93交通之声记者 张伟", B(["张伟"])),
        ("衢江传媒集团记者杨睿", B(["杨睿"])),
    ],
)
def test_outlet_prefix_is_not_a_name(text, expected):
    assert parse_byline(text) == expected
    assert credit_line(text) == expected


def test_nested_colon_stacks_the_empty_label():
    assert parse_byline("撰稿:见习记者:俞中岳") == B(["俞中岳"])


def test_empty_author_and_photo_labels_stack_onto_the_title():
    assert parse_byline("作者: 摄影 记者 冯玉坤") == B(["冯玉坤"], ["冯玉坤"])


def test_empty_editor_label_does_not_stack_onto_reviewer():
    assert parse_byline("编辑: 审核:张渊") == B(reviewers=["张渊"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("记者 欧阳进权 文/摄", B(["欧阳进权"], ["欧阳进权"])),
        ("福州日报记者 欧阳进权 文/图", B(["欧阳进权"], ["欧阳进权"])),
        # a trailing photo credit makes 记者 a title: photographer only
        ("记者 梁臻 摄", B(photographers=["梁臻"])),
        ("记者 张三 李四 摄", B(photographers=["张三", "李四"])),
        # prefix when names follow
        ("记者 张三 摄影 李四", B(["张三"], ["李四"])),
        ("文/刘婧 图/刘阳", B(["刘婧"], ["刘阳"])),
        ("张三 文 李四 图", B(["张三"], ["李四"])),
        ("作者:张三 摄", B(["张三"], ["张三"])),
        # glued 摄 / 摄影报道, and 摄 after a slash
        ("殷新宇摄", B(photographers=["殷新宇"])),
        ("井娇摄影报道", B(photographers=["井娇"])),
        ("鲁冲/摄", B(photographers=["鲁冲"])),
        ("刘新吾  陈科儒 摄影报道", B(photographers=["刘新吾", "陈科儒"])),
    ],
)
def test_suffix_credits(text, expected):
    assert parse_byline(text) == expected


def test_staff_code_is_removed():
    assert parse_byline("责任编辑:张佳文(QN0040)") == B(editors=["张佳文"])
    assert parse_byline("责任编辑：张佳文（QN0040）") == B(editors=["张佳文"])
    assert parse_byline("编辑:fengdi QN0040") == B(editors=["fengdi"])


def test_contact_boilerplate_is_not_a_name():
    line = "责编:陆姗姗 新闻投稿:184042016@qq.com 新闻热线:13157110107 传真:0572-8889090"
    assert parse_byline(line) == B(editors=["陆姗姗"])
    assert credit_line(line) == B(editors=["陆姗姗"])
    assert parse_byline("编辑:王伟 http://www.example.cn/xw/") == B(editors=["王伟"])


def test_empty_values():
    assert parse_byline("责任编辑:") == EMPTY
    assert credit_line("责任编辑:") == EMPTY
    assert credit_line("责任编辑:") is not None
    assert parse_byline("作者: 编辑: 王伟") == B(editors=["王伟"])
    assert parse_byline("来源: | 编辑:王伟") == B(editors=["王伟"])


def test_organisation_is_not_a_name():
    assert parse_byline("通讯员 县教育局 张伟") == B(["张伟"])
    assert credit_line("通讯员 县教育局 张伟") == B(["张伟"])
    assert credit_line("作者：青溪县教育局") == EMPTY
    assert parse_byline("图/新华社") == EMPTY
    assert parse_byline("供稿：县教育局") == B(source="县教育局")


def test_numeric_id_is_not_a_name():
    assert parse_byline("作者:1464") == EMPTY
    assert credit_line("作者:1464") == EMPTY


def test_reviewer_is_not_editor():
    assert parse_byline("责编:陆姗姗 审核:张渊") == B(editors=["陆姗姗"], reviewers=["张渊"])


def test_source_title_is_not_a_source():
    assert parse_byline("来源标题:中秋佳节 别样团圆") == EMPTY
    assert parse_byline("原标题:中秋佳节 别样团圆") == EMPTY
    assert parse_byline("来源:新华网 来源标题:中秋佳节 别样团圆") == B(source="新华网")
    assert parse_byline("编辑:王伟 来源标题:中秋佳节 别样团圆") == B(editors=["王伟"])
    assert parse_byline("图片来源:网络 编辑:王伟") == B(editors=["王伟"])


@pytest.mark.parametrize(
    "text, source",
    [
        ("来源:未知来源", None),
        ("来源:未知", None),
        ("来源：不详", None),
        ("来源:", None),
        ("来源:本站", "本站"),
        ("来源:本网", "本网"),
        ("来源:浙江在线-缙云新闻网 记者 吴敏超", "浙江在线-缙云新闻网"),
        ("来源:县融媒体中心  责任编辑:", "县融媒体中心"),
        ("来源:柯桥传媒集团记者 张伟", "柯桥传媒集团"),
    ],
)
def test_source_values(text, source):
    assert parse_byline(text).source == source


def test_first_source_wins_within_a_line():
    assert parse_byline("来源:新华网 转自:人民网").source == "新华网"


def test_latin_names():
    assert parse_byline("编辑:fengdi") == B(editors=["fengdi"])
    assert parse_byline("编辑：Li Hua 审核: Zhang San") == B(editors=["Li Hua"], reviewers=["Zhang San"])
    assert parse_byline("编辑:admin") == EMPTY
    assert credit_line("编辑:admin") == EMPTY


def test_minority_name_with_middle_dot():
    assert parse_byline("记者 阿依古丽·买买提 李明") == B(["阿依古丽·买买提", "李明"])
    assert parse_byline("编辑：阿依古丽・买买提") == B(editors=["阿依古丽·买买提"])


def test_two_character_name_typeset_with_a_space():
    assert parse_byline("记者 王 伟 李明") == B(["王伟", "李明"])
    assert parse_byline("王 伟 摄") == B(photographers=["王伟"])


# ---------------------------------------------------------------------------
# Names with no separator


@pytest.mark.parametrize(
    "text, authors",
    [
        ("(记者黄云灵王夷)", ["黄云灵", "王夷"]),  # 3+2, the only partition
        ("记者 王伟李明", ["王伟", "李明"]),  # 2+2
        ("记者张伟李明王芳", ["张伟", "李明", "王芳"]),  # 2+2+2
        ("记者 欧阳进权", ["欧阳进权"]),  # compound surname, no partition: whole
        ("记者欧阳进权", ["欧阳进权"]),
        ("记者 王海林方芳", ["王海林方芳"]),  # 王海|林方芳 and 王海林|方芳: ambiguous, whole
        ("记者杨睿", ["杨睿"]),
        ("记者 司马相如", ["司马相如"]),
        ("记者 县城新貌", []),  # 4 characters that do not start with a surname: not a name
    ],
)
def test_glued_names(text, authors):
    assert parse_byline(text).authors == authors


def test_glued_run_after_title_must_look_like_a_name():
    assert parse_byline("记者从县教育局获悉") == EMPTY
    assert parse_byline("记者今日获悉") == EMPTY


# ---------------------------------------------------------------------------
# credit_line


@pytest.mark.parametrize(
    "text, expected",
    [
        ("编辑：冯娣", B(editors=["冯娣"])),
        ("(记者 谢婷)", B(["谢婷"])),
        ("（记者 谢婷）", B(["谢婷"])),
        ("（张志勇 李碧露）", B(["张志勇", "李碧露"])),
        ("【责任编辑:马春林】", B(editors=["马春林"])),
        ("本报记者 张伟 通讯员 李明", B(["张伟", "李明"])),
        ("审核：张渊", B(reviewers=["张渊"])),
        ("记者 张伟 摄", B(photographers=["张伟"])),
        ("来源：浙江日报", B(source="浙江日报")),
        ("2016-09-17 10:21 新华网", B(source="新华网")),
        ("文字：李明 图片：王芳 编辑：张伟 审核：赵刚", B(["李明"], ["王芳"], ["张伟"], ["赵刚"])),
        ("来源:未知来源", EMPTY),
        ("责任编辑:", EMPTY),
    ],
)
def test_credit_line_positive(text, expected):
    assert credit_line(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "记者从县教育局获悉，今年全县新增学位3000个。",
        "据了解，该项目来源于省级专项资金。",
        "本报记者深入一线采访了多位村民。",
        "编辑部的同志们加班加点，确保报纸按时出版。",
        "他是一名摄影爱好者，经常拍摄家乡风景。",
        "这张照片由记者张三拍摄",
        "来源于群众，服务于群众。",
        "记者来到县城东郊的施工现场",
        "据报道，全县新增学位3000个",
        "文化广场上人头攒动",
        "…道路的障碍…(张志勇 李碧露)",
        "(上图)",
        "图1",
        "新闻来源",
        "审核通过后方可发布。",
        "记者：您好！",
        "记者：今年的目标是什么？",
        "记者 张伟说，",
        "王伟 李明",  # names with no role and no brackets
        "图：县城新貌",
        "编辑：我们的目标是为人民服务",
        "2020-05-09 21:22:03",
        "本报讯(记者 姜玲 宋佳男)",  # a dateline stays in the body
        "记者 " + "张伟 " * 100,  # too long for a credit line
        "",
    ],
)
def test_credit_line_negative(text):
    assert credit_line(text) is None


# ---------------------------------------------------------------------------
# dateline_byline


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本报讯(记者 张伟 通讯员 李明)5月8日，县教育局召开会议，部署秋季开学工作。", B(["张伟", "李明"])),
        ("本报讯（记者 张伟 通讯员 李明）5月8日，县教育局召开会议。", B(["张伟", "李明"])),
        ("据新华社北京5月9日电 国家统计局今天发布数据。", B(source="新华社")),
        ("新华社北京5月9日电(记者 张伟)国家统计局今天发布数据。", B(["张伟"], source="新华社")),
        ("本报北京5月9日电 (记者 张伟) 国家统计局今天发布数据。", B(["张伟"])),
        ("据人民网北京5月9日电 国家统计局今天发布数据。", B(source="人民网")),
        ("本报讯 记者 张伟 通讯员 李明 今天上午，全县召开大会。", B(["张伟", "李明"])),
        ("本报讯记者张伟报道：今天上午，全县召开大会。", B(["张伟"])),
        ("據新華社北京5月9日電（記者 張偉）", B(["張偉"], source="新華社")),
        ("青溪电视台5月9日讯(记者 张伟)", B(["张伟"])),
        ("■福州新闻网11月22日讯(福州日报记者 欧阳进权 文/摄)", B(["欧阳进权"], ["欧阳进权"])),
    ],
)
def test_dateline_byline(text, expected):
    assert dateline_byline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "今天上午，县里召开通讯员会议。",
        "他接到了新华社电话。",
        "本报讯 今天上午，全县召开大会。",
        "记者从县教育局获悉，今年全县新增学位3000个。",
        "全县新增学位3000个，有效缓解了城区学校大班额问题。",
        "",
    ],
)
def test_dateline_byline_none(text):
    assert dateline_byline(text) is None


def test_parse_byline_reads_a_leading_dateline():
    assert parse_byline("据新华社北京5月9日电(记者 张伟)") == B(["张伟"], source="新华社")


# ---------------------------------------------------------------------------
# caption_credit


@pytest.mark.parametrize(
    "caption, expected",
    [
        ("县城新貌。记者 梁臻 摄", ["梁臻"]),
        ("图为县城新貌（新华社记者 宋为伟 摄）", ["宋为伟"]),
        ("市民在公园游玩 张伟 李明 摄", ["张伟", "李明"]),
        ("县城新貌 文/图 张伟", ["张伟"]),
        ("摄影：王伟", ["王伟"]),
        ("文/刘婧 图/刘阳", ["刘阳"]),
        ("记者从现场看到，工人们正在施工。张伟 摄", ["张伟"]),
        ("县城新貌", []),
        ("他们正在拍摄。", []),
        ("如图所示，县城面貌焕然一新。", []),
        ("文/刘婧", []),
        ("", []),
    ],
)
def test_caption_credit(caption, expected):
    assert caption_credit(caption) == expected


# ---------------------------------------------------------------------------
# Byline


def test_merge_unions_lists_in_order_and_keeps_the_first_source():
    first = B(["王伟", "李明"], ["张伟"], ["冯娣"], [], None)
    second = B(["李明", "赵刚"], ["张伟", "刘阳"], [], ["张渊"], "新华社")
    third = B(source="人民网")
    merged = first.merge(second).merge(third)
    assert merged == B(["王伟", "李明", "赵刚"], ["张伟", "刘阳"], ["冯娣"], ["张渊"], "新华社")
    assert first == B(["王伟", "李明"], ["张伟"], ["冯娣"], [], None)  # not mutated
    assert second.merge(first).source == "新华社"
    assert B(source="").merge(third).source == "人民网"


def test_bool():
    assert not Byline()
    assert not B()
    assert B(["王伟"])
    assert B(photographers=["王伟"])
    assert B(editors=["王伟"])
    assert B(reviewers=["王伟"])
    assert B(source="新华社")


def test_byline_positional_construction():
    byline = Byline(["王伟"], ["张伟"], ["冯娣"], ["张渊"], "新华社")
    assert (byline.authors, byline.photographers, byline.editors, byline.reviewers, byline.source) == (
        ["王伟"], ["张伟"], ["冯娣"], ["张渊"], "新华社",
    )


# ---------------------------------------------------------------------------
# Lines seen on portals and self-media pages (issue 4)

PORTAL_LINES = [
    # an outlet in book-title marks glued to the role, like 浙江日报记者
    ("《棱镜》作者 周纯", B(["周纯"])),
    # 都 inside an outlet's name (南都, 成都) is not running text
    ("采写：南都记者 余毅菁 向雪妮", B(["余毅菁", "向雪妮"])),
    # 执笔 credits the writers; & separates names
    ("执笔/叨叨姐、胡一刀&李小飞刀", B(["叨叨姐", "胡一刀", "李小飞刀"])),
    # 原创 with a separator is a label; "原创：路闻卓立编译" credits 路闻卓立 (split as two surnamed names)
    ("原创：路闻卓立编译", B(["路闻", "卓立"])),
    # a pipe right after 来源 separates the label from the value
    ("编辑|禤志杰 责编|陈梦莹 校对|黄慧敏 来源|广州参考、广州南沙发布", B(editors=["禤志杰", "陈梦莹"], reviewers=["黄慧敏"], source="广州参考")),
    ("来源：本站原创", B(source="本站原创")),
]


@pytest.mark.parametrize("text, expected", PORTAL_LINES, ids=[r[0] for r in PORTAL_LINES])
def test_portal_credit_lines(text, expected):
    assert credit_line(text) == expected
    assert parse_byline(text) == expected


def test_a_bare_original_badge_is_no_label():
    # 原创 shown as a badge next to the account and its WeChat name: no credit at all
    assert parse_byline("原创 kingname 未闻Code") == EMPTY
    assert credit_line("原创 kingname 未闻Code") is None


def test_compiled_by_after_the_reporter():
    assert dateline_byline("长江网10月4日讯（记者陈智 整合） 国庆中秋长假过半，外媒关注武汉的热情不减。") == B(["陈智"])


def test_words_that_are_not_names():
    assert credit_line("媒体报道") is None  # "media reports", a heading
    assert parse_byline("微信扫一扫赞赏作者 赞赏") == EMPTY


def test_the_next_label_is_not_a_source():
    assert parse_byline("来源: | 发布时间: 2018-05-17 | 浏览次数:") == EMPTY
    assert parse_byline("来源：发布时间：2018-05-17") == EMPTY


def test_a_wire_dateline_in_brackets():
    assert dateline_byline("（中央社記者邱俊欽桃園19日電）桃園市平鎮區一家輪胎行今天清晨發生大火。") == B(["邱俊欽"], source="中央社")
    assert dateline_byline("（中央社记者王芳台北5日电）今天上午，") == B(["王芳"], source="中央社")
