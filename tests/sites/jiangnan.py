"""江南日报 (Jiangnan Daily): a small fictional provincial paper for the run and export tests.

Unlike the demo county portal, its articles sit on a fixed calendar: the
portal for ``day`` shows every article published up to the end of that day,
so the next day's portal is the same site with a few articles added on top
(same URLs, same pages). Written for the tests, modelled on provincial
dailies; no real page was copied.

Site map
    ``/yw/index.html``, ``index_2.html`` …   要闻 listing, 5 per page, newest first
    ``/cj/index.html`` …                      财经 listing
    ``/<section>/<YYYYMMDD>/<id>.html``       article
    ``/stalled/index.html``                   answers after ``STALL_SECONDS`` (a hung site)
Switches
    ``broken_section=True``: every 财经 article answers 503 (a broken back end);
    ``redesigned=True``: half of the articles lost the byline in a redesign.
One 要闻 story is the provincial original of a story the demo portal
republishes (``crawler.demo`` story ``qxyw04``): a near-duplicate across sites.
"""

from dataclasses import dataclass
from datetime import date
from html import escape

from crawler.demo.content import load_stories
from crawler.demo.portal import PortalResponse

PER_PAGE = 5
STALL_SECONDS = 60
SECTIONS = {"yw": "要闻", "cj": "财经"}
HTML = [("Content-Type", "text/html; charset=utf-8")]
REPUBLISHED_KEY = "qxyw04"
ORIGINAL_EXTRA = "据悉，第二批未来乡村建设名单将于明年上半年启动申报，各地可结合实际有序推进。"


@dataclass(frozen=True)
class Story:
    id: int
    section: str
    published: str  # "YYYY-MM-DD HH:MM", Beijing time
    title: str
    byline: str
    paragraphs: tuple[str, ...]

    @property
    def day(self) -> date:
        return date.fromisoformat(self.published[:10])

    @property
    def path(self) -> str:
        return f"/{self.section}/{self.day:%Y%m%d}/{self.id}.html"


def _republished_original() -> Story:
    """The provincial original of the demo portal's republished story: own lead, one more paragraph."""
    spec = next(s for s in load_stories() if s.key == REPUBLISHED_KEY)
    first, *rest = spec.paragraphs
    return Story(
        3106, "yw", "2026-11-24 07:30", "江南省公布首批未来乡村建设名单 全省120个村入选", "记者 周晓岚 陈卓",
        ("本报讯（记者 周晓岚 陈卓）" + first, *rest, ORIGINAL_EXTRA),
    )


STORIES = [
    Story(3101, "yw", "2026-11-19 08:10", "全省冬季植树造林行动启动 今冬明春计划造林30万亩", "记者 林海燕", (
        "记者从省林业局获悉，今冬明春全省计划完成造林30万亩，重点推进沿江防护林、平原绿化和城郊森林公园建设。",
        "各地将优先选用乡土树种，鼓励机关、学校和企业认建认养林地，让群众在家门口参与义务植树。",
        "省林业局要求，新造林地要落实管护责任人，确保栽一棵、活一棵，成活率不低于九成。",
    )),
    Story(3102, "yw", "2026-11-20 09:20", "江南省出台十条措施支持小微企业稳岗扩岗", "记者 黄志刚", (
        "省政府办公厅日前印发通知，从社保补贴、担保贷款、技能培训等方面推出十条措施，支持小微企业稳定和扩大就业。",
        "通知明确，小微企业新招用高校毕业生并签订一年以上劳动合同的，可按每人1500元标准申领一次性扩岗补助。",
        "全省人社部门将通过“免申即享”方式直接发放补贴，企业无需另行提交材料。",
    )),
    Story(3103, "yw", "2026-11-21 10:05", "省运会筹备工作进入冲刺阶段", "记者 许文静 通讯员 杜宇", (
        "距离第十八届省运会开幕还有不到一百天，主会场改造、运动员村建设和赛事志愿者招募等工作已全面进入冲刺阶段。",
        "组委会介绍，本届省运会共设竞技体育和群众体育两大部分，预计参赛运动员超过一万两千人。",
        "主办城市将同步开展城市环境整治，新增公共停车位两千余个，方便市民和游客观赛出行。",
    )),
    Story(3104, "yw", "2026-11-22 15:30", "我省新增5个国家级传统村落", "记者 蒋雨辰", (
        "住房和城乡建设部近日公布新一批中国传统村落名录，我省5个村落入选，全省国家级传统村落总数达到86个。",
        "新入选的村落大多保存有明清时期的祠堂、古桥和石板街巷，有的还延续着传统制茶、竹编等手工技艺。",
        "省住建厅表示，将安排专项资金支持传统村落保护利用，防止大拆大建，留住乡愁记忆。",
    )),
    Story(3105, "yw", "2026-11-23 11:45", "江南至海州高铁全线铺轨完成", "记者 方志远", (
        "随着最后一组长钢轨在海州站精准落位，江南至海州高铁全线铺轨工作顺利完成，项目转入静态验收阶段。",
        "该线路设计时速350公里，建成后两地最快通行时间将由现在的两个半小时缩短至一小时以内。",
        "建设单位表示，后续将开展联调联试，力争明年二季度具备开通运营条件。",
    )),
    _republished_original(),
    Story(3107, "yw", "2026-11-25 08:50", "全省中小学推行课后服务“一校一案”", "记者 钱思雨", (
        "省教育厅要求各中小学结合师资和场地条件制定课后服务方案，做到“一校一案”，满足学生多样化需求。",
        "课后服务原则上不少于每周五天、每天两小时，内容包括作业辅导、体育锻炼、艺术活动和科普阅读。",
        "对家长接送确有困难的学生，学校应提供延时托管服务，并合理安排教师轮岗补休。",
    )),
    Story(3108, "yw", "2026-11-26 07:45", "省人大常委会会议审议多部地方性法规", "记者 邵明", (
        "省十四届人大常委会第二十次会议在省城开幕，会议审议了生态环境保护、养老服务和历史文化名城保护等方面的法规草案。",
        "其中，养老服务条例草案提出，新建住宅小区应按标准配套建设社区养老服务用房，并与住宅同步交付。",
        "会议还听取了省政府关于今年以来全省国民经济和社会发展计划执行情况的报告。",
    )),
    Story(3109, "yw", "2026-11-26 10:20", "我省启动冬季流感疫苗集中接种", "记者 程欣", (
        "省疾控中心提醒，目前已进入流感高发季节，六十岁以上老人、慢性病患者和学龄儿童是重点接种人群。",
        "全省各接种门诊已延长服务时间，部分社区设置了临时接种点，市民可通过健康码小程序预约。",
        "专家建议，接种疫苗后仍需注意勤洗手、常通风，出现发热症状应及时就医。",
    )),
    Story(3201, "cj", "2026-11-20 14:00", "前三季度全省规上工业增加值增长6.2%", "记者 苏晓", (
        "省统计局发布数据显示，前三季度全省规模以上工业增加值同比增长6.2%，增速比上半年加快0.4个百分点。",
        "分行业看，电子信息、新能源汽车和生物医药产业增势较好，高技术制造业增加值占比进一步提高。",
        "统计部门分析认为，随着一揽子稳增长政策持续显效，全年工业经济有望保持平稳向好态势。",
    )),
    Story(3202, "cj", "2026-11-22 09:00", "江南港集装箱吞吐量创同期新高", "记者 邹凯", (
        "今年前十个月，江南港累计完成集装箱吞吐量412万标准箱，同比增长9.8%，创历史同期新高。",
        "港口集团新开通两条东南亚外贸航线，并推出“船边直提”服务，进口货物平均通关时间压缩三成。",
        "业内人士表示，跨境电商和新能源产品出口的快速增长，是带动港口业务量上升的主要因素。",
    )),
    Story(3203, "cj", "2026-11-23 16:10", "省农信联社推出“茶农贷”专项产品", "记者 彭丽 通讯员 谢安", (
        "为支持茶产业发展，省农信联社推出“茶农贷”专项信贷产品，单户最高可贷50万元，执行优惠利率。",
        "茶农凭茶园承包合同和近两年销售记录即可申请，线上审批最快当天放款。",
        "截至目前，该产品已在全省十二个产茶县上线，累计发放贷款3.6亿元。",
    )),
    Story(3204, "cj", "2026-11-25 13:30", "全省网络零售额突破五千亿元", "记者 卢嘉", (
        "省商务厅数据显示，今年以来全省网络零售额累计突破五千亿元，同比增长11.3%。",
        "农产品网络零售增长尤为明显，不少县市通过直播带货把高山蔬菜、土蜂蜜等特产卖到全国。",
        "商务部门将继续推进县域电商服务中心建设，完善农村物流配送体系。",
    )),
    Story(3205, "cj", "2026-11-26 09:40", "首批碳排放权质押贷款在我省落地", "记者 苏晓", (
        "近日，一家热电企业以其持有的碳排放配额作质押，获得银行贷款2000万元，标志着我省首批碳排放权质押贷款成功落地。",
        "金融监管部门表示，碳排放权质押盘活了企业的“沉睡”资产，为绿色低碳转型提供了新的融资渠道。",
        "下一步，全省将探索建立碳资产评估和登记服务体系，推动更多金融机构开展相关业务。",
    )),
]


class JiangnanPortal:
    """The site as it stands at the end of ``day``; ``handle(path)`` returns a ``PortalResponse``."""

    def __init__(self, day: date, *, broken_section: bool = False, redesigned: bool = False):
        self.day = day
        self.broken_section = broken_section
        self.redesigned = redesigned
        self.stories = sorted((s for s in STORIES if s.day <= day), key=lambda s: s.published, reverse=True)
        self._articles = {s.path: s for s in self.stories}

    def expected_articles(self, *, sections=tuple(SECTIONS)) -> list[Story]:
        """The articles a full crawl of the given sections writes."""
        return [s for s in self.stories if s.section in sections]

    def handle(self, path: str) -> PortalResponse:
        if path == "/robots.txt":
            return PortalResponse(200, [("Content-Type", "text/plain")], b"User-agent: *\nDisallow:\n")
        if path.startswith("/stalled/"):
            return PortalResponse(200, HTML, self._listing("yw", 1).encode(), delay=STALL_SECONDS)
        section, _, page = path.strip("/").partition("/")
        if section in SECTIONS and page.startswith("index"):
            number = page.removeprefix("index").removeprefix("_").removesuffix(".html")
            return self._page(self._listing(section, int(number or 1)))
        story = self._articles.get(path)
        if story is None:
            return PortalResponse(404, HTML, "<h1>404 页面不存在</h1>".encode())
        if self.broken_section and story.section == "cj":
            return PortalResponse(503, HTML, b"<h1>503 Service Unavailable</h1>")
        return self._page(self._article(story))

    @staticmethod
    def _page(html: str | None) -> PortalResponse:
        if html is None:
            return PortalResponse(404, HTML, "<h1>404 页面不存在</h1>".encode())
        return PortalResponse(200, HTML, html.encode())

    def _listing(self, section: str, number: int) -> str | None:
        stories = [s for s in self.stories if s.section == section]
        chunk = stories[(number - 1) * PER_PAGE : number * PER_PAGE]
        if not chunk:
            return None
        items = "\n".join(
            f'<li><a href="{s.path}" target="_blank">{escape(s.title)}</a><em>{s.published[:10]}</em></li>'
            for s in chunk
        )
        more = len(stories) > number * PER_PAGE
        pager = f'<a class="next" href="index_{number + 1}.html">下一页</a>' if more else "<span>下一页</span>"
        return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{SECTIONS[section]}_江南日报</title></head>
<body><div class="top">江南日报 · 江南网</div>
<div class="crumb"><a href="/">首页</a> &gt; {SECTIONS[section]}</div>
<ul class="list">
{items}
</ul>
<div class="page">{pager}</div>
<div class="footer">江南日报社版权所有</div></body></html>"""

    def _article(self, story: Story) -> str:
        lost_byline = self.redesigned and story.id % 2 == 0
        writer = "" if lost_byline else f'<span class="writer">{story.byline}</span>'
        paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
        return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(story.title)}_江南日报</title>
<meta name="description" content="{escape(story.paragraphs[0][:60])}"></head>
<body><div class="top">江南日报 · 江南网</div>
<div class="crumb"><a href="/">首页</a> &gt; <a href="/{story.section}/index.html">{SECTIONS[story.section]}</a></div>
<div class="detail"><h1 class="detail-title">{escape(story.title)}</h1>
<div class="detail-meta"><span class="pubtime">{story.published}</span>
<span class="origin">来源：江南日报</span>{writer}</div>
<div class="detail-body">
{paragraphs}
<p class="editor">责任编辑：吴敏</p>
</div></div>
<div class="footer">江南日报社版权所有 未经授权禁止转载</div></body></html>"""
