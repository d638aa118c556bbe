"""How a plan is laid out on the page: one function per layout met in the seeds and the dev set.

Each function takes the plan's content (``bench.corpus.Plan``) and a random
generator and gives the document's text. The layouts copy how the seed
documents are written (their headings, numbering, punctuation, web page
furniture), not what any extraction rule looks for.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.corpus import Measure, Plan


@dataclass
class Page:
    """A laid-out document: its text, how many numbered items it shows, whether it states the plan's goals."""

    text: str
    items: int
    states_goals: bool
    #: (agency, measure) pairs the page's responsibility brackets name
    responsible: int = 0

DIGITS = "零一二三四五六七八九"
ASCII_PUNCTUATION = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";"})


def cn(n: int) -> str:
    """Chinese numeral for 1..99: 1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 35 -> 三十五."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return DIGITS[ones]
    head = "" if tens == 1 else DIGITS[tens]
    return head + "十" + (DIGITS[ones] if ones else "")


def cn_date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def vocab() -> dict:
    from bench.corpus import facts

    return facts().vocab


def title_pool():
    from bench.corpus import title_pool

    return title_pool()


def measure_title(rng: random.Random) -> str:
    from bench.corpus import measure_title

    return measure_title(rng)


def list_names(names: list[str], rng: random.Random) -> str:
    return rng.choice(["、", "、", "，"]).join(names) if len(names) > 1 else names[0]


def addressees(plan: Plan) -> str:
    level = plan.region.level
    if level == "Province":
        return "各地级以上市人民政府，省政府各部门、各直属机构"
    if plan.region.provincial:
        return "各区人民政府，市政府各委、办、局"
    if level == "City":
        return "各县（市、区）人民政府，市直各有关单位"
    return "各街道办事处，区直各有关单位"


def intro(plan: Plan, rng: random.Random, *, cite: bool = False) -> str:
    basis = ""
    if cite:
        (t1, n1), (t2, n2) = plan.cited
        basis = f"依据《{t1}》（{n1}）和《{t2}》（{n2}）等文件的工作部署，"
    return (f"{plan.purpose}，{plan.aims[0]}，{plan.aims[1]}，{basis}结合{plan.region.short}实际，"
            f"制定本{plan.short_name.strip('《》').removeprefix('若干').removeprefix('专项')}。")


def goal_text(plan: Plan) -> str:
    return "".join(plan.goals)


def measure_body(m: Measure) -> str:
    return m.text


def responsibility(m: Measure, rng: random.Random, label: str = "责任单位") -> str:
    return f"（{label}：{list_names(m.responsible, rng)}）"


def coordination(plan: Plan, rng: random.Random) -> str:
    second = plan.measures[0].responsible[-1] if plan.measures else plan.coordinator
    pair = plan.coordinator if second == plan.coordinator else f"{plan.coordinator}和{second}"
    return (f"在{plan.leading_group}统一部署下，由{pair}统筹推进{plan.short_name}的资源保障和工作落实，"
            "各级有关单位按照职责分工落实推进，形成上下联动、多部门协同的工作格局。")


def closing_paragraphs(plan: Plan, numbered: Callable[[int, str, str], str]) -> list[str]:
    return [numbered(i, title, text) for i, (title, text) in enumerate(plan.closing, 1)]


# -- the layouts ---------------------------------------------------------------------------------
def news_markdown(plan: Plan, rng: random.Random) -> Page:
    """A news report: a lead paragraph, markdown headings, task paragraphs, a task list, the goals."""
    v = vocab()
    count = len(plan.measures)
    lines = ["", "",
             f"{plan.purpose}，{plan.aims[0]}，日前，{plan.issuer[0]}正式印发《{plan.title}》"
             f"（以下简称{plan.short_name}）。{plan.short_name}围绕{plan.aims[1]}，提出{count}条具体举措。", "",
             f"{plan.short_name}立足{plan.region.short}发展实际，前瞻把握{plan.theme}发展趋势，"
             "汇聚产学研核心力量，推动科技创新与产业创新深度融合。", "",
             f"# {plan.region.short}出台{plan.short_name.strip('《》')}推动{plan.theme}发展", "",
             f"## {rng.choice(plan.aims)}", ""]
    for section in plan.sections:
        slogan = rng.choice(v["outline"]["action_slogans"])
        lines += [f"### {section.title}“{slogan}”行动", ""]
        for m in section.measures:
            lines += [f"{m.title}。{measure_body(m)}", ""]
    lines += ["### 重点任务", ""] + [f"- {m.title}" for m in plan.measures] + [""]
    lines += ["### 发展目标", "", goal_text(plan)]
    return Page(_ascii("\n".join(lines)), len(plan.measures), True)


def outline_responsible(plan: Plan, rng: random.Random) -> Page:
    """一、 sections and （一） measures, each closing with （责任单位：…）."""
    period = plan.title.find("（")
    cut = rng.randint(6, max(7, (period if period > 0 else len(plan.title)) - 3))
    lines = [plan.title[:cut], plan.title[cut:], " ", intro(plan, rng)]
    lines += ["一、总体思路", f"坚持前瞻布局、创新引领、开放合作、融合发展，推动{plan.theme}高质量发展。",
              goal_text(plan)]
    n = 0
    for number, section in enumerate(plan.sections, 2):
        lines.append(f"{cn(number)}、{section.title}")
        for m in section.measures:
            n += 1
            lines += [f"（{cn(n)}）{m.title}", measure_body(m) + responsibility(m, rng)]
    lines += [f"{cn(len(plan.sections) + 2)}、{rng.choice(vocab()['outline']['closing_sections'])}",
              coordination(plan, rng) + "".join(text for _, text in plan.closing), ""]
    return Page("\n".join(lines), n, True, sum(len(m.responsible) for m in plan.measures))


def web_page_boxes(plan: Plan, rng: random.Random) -> Page:
    """A department's web page: menus, the notice, the plan with 专栏 boxes and a city-by-city box, a footer."""
    v = vocab()
    chrome = v["chrome"]
    site_owner = plan.issuer[0]
    menu = "".join(f"[{item}](#)" for item in chrome["menus"])
    crumbs = " > ".join(f"[{item}](#)" for item in ["首页", *rng.sample(chrome["breadcrumbs"], 2)])
    stamp = f"{plan.published.isoformat()} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    lines = ["", "", site_owner, "", f"{_english(plan)}", "", menu, "", "请输入要搜索的内容", "", "搜索", "",
             f"当前位置：{crumbs}", "",
             f"{' '.join(plan.issuer)}关于印发《{plan.title}》的通知", "",
             f"时间：{stamp} 来源：{site_owner}【字体：大 中 小】【打印】", "",
             "分享到：[微信](#) [微博](#) [QQ](#) [收藏](#)", "",
             f"{addressees(plan)}：", "",
             f"经{plan.region.prefix}人民政府同意，现将《{plan.title}》印发你们，请认真组织实施。"
             f"执行中遇到问题，请径向{plan.signature[0]}反映。", "",
             " ".join(plan.signature), "", cn_date(plan.issued), "",
             plan.title.replace("—", "~") if rng.random() < 0.5 else plan.title, "",
             intro(plan, rng, cite=True), "",
             "一、发展基础", "",
             f"近年来，{plan.region.short}{plan.theme}发展迅速，产业规模、创新能力和应用水平均居前列，"
             "已初步形成软硬件开发、核心技术研发和行业智能化应用协同发展的良好态势。", "",
             "二、总体要求", "", "（一）发展思路", "",
             "以习近平新时代中国特色社会主义思想为指导，完整、准确、全面贯彻新发展理念，服务构建新发展格局。", "",
             "（二）行动目标", "", "力争" + goal_text(plan), "",
             "三、重点行动计划", ""]
    n_box = 0
    bases_at = rng.randrange(len(plan.sections))
    for s_number, section in enumerate(plan.sections, 1):
        slogan = rng.choice(v["outline"]["action_slogans"])
        lines += [f"（{cn(s_number)}）深入推进“{slogan}”行动，{section.title}", ""]
        for m_number, m in enumerate(section.measures, 1):
            lines += [f"{m_number}.{m.title}。{measure_body(m)}", ""]
            if rng.random() < 0.3:
                n_box += 1
                lines += [f"专栏{n_box} {m.title}", ""]
                for item in [obj for _, obj in rng.sample(title_pool(), rng.randint(2, 4))]:
                    sentence = rng.choice(vocab()["measures"]["sentences"])
                    lines += [f"{item}。" + sentence.format(theme=plan.theme, region=plan.region.short,
                                                           n=rng.randint(2, 20)), ""]
        if s_number - 1 == bases_at and plan.site_cities:
            n_box += 1
            lines += [f"专栏{n_box} {plan.theme}产业基地布局", ""]
            for place, sites in plan.site_cities:
                lines += [f"{place}。依托{'、'.join(sites)}等产业基地，打造{plan.theme}特色产业集群。", ""]
    lines += ["四、保障措施", ""]
    lines += closing_paragraphs(plan, lambda i, t, x: f"（{cn(i)}）{t}。{x}\n")
    lines += [f"相关链接：《{plan.title}》政策解读", ""] + [f"{item}\n" for item in chrome["related"]]
    lines += ["", "", f"版权所有：{site_owner} 主办单位：{site_owner}", "",
              f"网站标识码{rng.randint(10**9, 10**10 - 1)}"]
    # the two items of 二、总体要求 are measures too (real-set judgement call 8)
    return Page("\n".join(lines), 2 + len(plan.sections) + len(plan.measures) + len(plan.closing), True)


def news_headlines(plan: Plan, rng: random.Random) -> Page:
    """A news report on the plan, with subheadings and grants, then unrelated headlines."""
    v = vocab()
    chrome = v["chrome"]
    stamp = f"{plan.published.isoformat()} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    count = len(plan.measures)
    headline = f"{rng.choice(plan.aims)}！{plan.region.short}出台{plan.short_name.strip('《》')}"
    lines = [headline, "创始人", stamp, "0", "",
             f"近日印发的《{plan.title}》，旨在通过有力政策措施，推动{plan.region.short}{plan.theme}集聚和高质量发展。"
             f"{plan.short_name}包括了{cn(len(plan.sections))}个方面{count}条措施，涉及"
             + "、".join(s.title for s in plan.sections) + "等多个方面。", ""]
    for section in plan.sections:
        lines += [f"{section.title}，{rng.choice(plan.aims)}", ""]
        for m in section.measures:
            lines += [f"{plan.short_name}提出{m.title}。{measure_body(m)}", ""]
    lines += ["观点", "", f"对于此次发布的{plan.short_name}，业内专家认为，政策既有对上级政策的继承，"
              f"更结合了{plan.region.short}的特色，将有力推动{plan.theme}高质量发展。", "",
              f"采写：{rng.choice(chrome['media'])} {rng.choice(chrome['reporters'])}", "",
              "相关内容", "", "热门资讯", ""]
    lines += rng.sample(chrome["headlines"], rng.randint(3, 6))
    return Page(_ascii("\n".join(lines)), len(plan.measures), False)


def gov_page_numbered(plan: Plan, rng: random.Random) -> Page:
    """A government portal page: a metadata header, the notice, sections of 1.–N. items."""
    notice = f"{plan.issuer[0]}印发{plan.title}的通知"
    cut = rng.randint(8, max(9, len(notice) - 6))
    government = plan.region.name + "人民政府"
    lines = ["", "", "", "", government, "", f"People's Government of {plan.region.name_en}", "",
             f"索引号：{rng.randint(10**8, 10**9 - 1):09d}/{plan.issued.year}-{rng.randint(1, 999):05d}", "",
             f"分类：{plan.category}", "", f"发布机构：{plan.issuer[0]}", "",
             f"成文日期：{plan.issued.isoformat()}", "", f"标题：{notice}", "", f"文号：{plan.doc_number}", "",
             f"发布日期：{plan.published.isoformat()}", "",
             f"时间：{plan.published.isoformat()} 08:{rng.randint(10, 59)}:{rng.randint(10, 59)} 来源：本网", "",
             "收藏", "", notice[:cut], "", notice[cut:], "", plan.doc_number, "", f"{addressees(plan)}：", "",
             f"《{plan.title}》已经{plan.region.prefix}人民政府同意，现印发给你们，请认真贯彻执行。"
             f"执行过程中遇到的问题，请径向{plan.coordinator}反映。", "",
             plan.signature[0], "", cn_date(plan.issued), "", plan.title, "", intro(plan, rng), "",
             "一、总体目标", "", goal_text(plan), ""]
    n = 0
    sub = 0
    for s_number, section in enumerate(plan.sections, 2):
        lines += [f"{cn(s_number)}、{section.title}", ""]
        groups = _split(section.measures, rng.randint(1, 3), rng)
        for group in groups:
            sub += 1
            lines += [f"（{cn(sub)}）{measure_title(rng)}。", ""]
            for m in group:
                n += 1
                lines += [f"{n}. {m.title}。{measure_body(m)}", ""]
    lines += [f"{cn(len(plan.sections) + 2)}、保障措施", ""]
    for title, text in plan.closing:
        n += 1
        lines += [f"{n}. {title}。{text}", ""]
    return Page("\n".join(lines).rstrip("\n"), sub + n, True)


def lead_support(plan: Plan, rng: random.Random) -> Page:
    """A notice and a plan whose measures close with (牵头单位:…;配合单位:…)."""
    support_label = rng.choice(["配合单位", "责任单位"])
    dot = rng.choice(["、", ""])
    lines = [f"{addressees(plan)}：",
             f"《{plan.title}》已经{plan.region.prefix}政府同意，现印发给你们，请认真贯彻执行。",
             plan.issuer[0], cn_date(plan.issued), plan.title, intro(plan, rng),
             f"一{dot}总体目标", goal_text(plan)]
    n = 0
    for number, section in enumerate(plan.sections, 2):
        lines.append(f"{cn(number)}{dot}{section.title}")
        for m in section.measures:
            n += 1
            bracket = f"（牵头单位：{list_names(m.lead, rng)}"
            if m.support:
                bracket += f"；{support_label}：{list_names(m.support, rng)}"
            lines.append(f"（{cn(n)}）{m.title}。{measure_body(m)}{bracket}）")
    lines.append(f"{cn(len(plan.sections) + 2)}{dot}保障措施")
    lines.append(coordination(plan, rng))
    return Page(_ascii("\n".join(lines)), n, True, sum(len(m.lead) + len(m.support) for m in plan.measures))


def articles(plan: Plan, rng: random.Random) -> Page:
    """第一条 【…】 articles under a notice, as district measures are often written."""
    day = plan.published
    stamp = f"{day.year}/{day.month}/{day.day} {rng.randint(8, 18)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}"
    lines = [f"时间:{stamp} 作者: 点击数:", plan.doc_number,
             f"{' '.join(plan.issuer)}关于印发{plan.title}的通知", f"{addressees(plan)}:",
             f"《{plan.title}》业经{plan.region.prefix}政府同意，现印发实施。执行过程中如遇问题，请径向{plan.coordinator}反映。",
             "特此通知。", " ".join(plan.issuer), cn_date(plan.issued), plan.title, intro(plan, rng)]
    n = 0
    for m in plan.measures:
        n += 1
        lines.append(f"第{cn(n)}条 【{m.title}】{measure_body(m)}")
    lines.append(f"本措施自印发之日起施行，有效期{rng.randint(2, 5)}年。")
    return Page("\n".join(lines), n, False)


def _split(items: list, parts: int, rng: random.Random) -> list[list]:
    parts = max(1, min(parts, len(items)))
    cuts = sorted(rng.sample(range(1, len(items)), parts - 1)) if parts > 1 else []
    return [items[a:b] for a, b in zip([0, *cuts], [*cuts, len(items)], strict=True)]


def _ascii(text: str) -> str:
    """News sites and some portals print ASCII commas, brackets and colons in Chinese text."""
    return text.translate(ASCII_PUNCTUATION)


def _english(plan: Plan) -> str:
    from bench.corpus import facts

    issuer = plan.issuer[0]
    for form in sorted(facts().forms, key=lambda r: -len(r["full"])):
        if issuer.endswith(form["full"]) and form["name_en"]:
            return f"{form['name_en']} of {plan.region.name_en}"
    return f"People's Government of {plan.region.name_en}"


LAYOUTS: dict[str, Callable[[Plan, random.Random], Page]] = {
    "news_markdown": news_markdown, "outline_responsible": outline_responsible, "web_page_boxes": web_page_boxes,
    "news_headlines": news_headlines, "gov_page_numbered": gov_page_numbered, "lead_support": lead_support,
    "articles": articles,
}
