"""A realistic very large site file: a coal group with thousands of posts, built from the chemical-plant example.

Why a generator and not a committed file: the file is several megabytes, and the
loader's limits (size cap, node budget) must be shown to accept it at any size the
tests or ``benchmarks/load_bench.py`` ask for.  The example is read and copied, never
edited; every post, workplace and risk point gets its own name and its own people, so
the content rules see a site like a real group's, not one post repeated.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

from tests.conftest import CHEMICAL, example_data

_SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
             "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
_GIVEN = "建国志强海燕丽君晓东文斌卫东永红俊峰跃进宏伟晋生爱军彦斌志明国庆振华鹏飞红梅秀英桂兰玉兰金凤德胜忠诚立新卫国广平"
#: Posts per workplace (a coal mine's district: one team, a few dozen posts).
POSTS_PER_WORKPLACE = 25
#: Risk points per workplace.
POINTS_PER_WORKPLACE = 2


def person(number: int) -> str:
    """A plausible, distinct Chinese name for person ``number`` (surname + two-character given name)."""
    pairs = len(_GIVEN) // 2
    surname = _SURNAMES[number % len(_SURNAMES)]
    given = _GIVEN[2 * ((number // len(_SURNAMES)) % pairs):][:2]
    rest = number // (len(_SURNAMES) * pairs)
    return surname + given + ("" if rest == 0 else "甲乙丙丁戊己庚辛壬癸"[rest % 10] * (1 + rest // 10))


def big_site(posts: int) -> dict[str, Any]:
    """The chemical-plant example with ``posts`` posts in ``posts / 25`` workplaces, as plain data."""
    base = example_data(CHEMICAL)
    data = copy.deepcopy(base)
    places = max(1, -(-posts // POSTS_PER_WORKPLACE))
    data["岗位"] = []
    data["工作场所"] = []
    data["风险点"] = []
    people = 0
    for w in range(places):
        place = copy.deepcopy(base["工作场所"][w % len(base["工作场所"])])
        place["名称"] = f"{place['名称']}{w + 1}区"
        place["场所主要负责人"] = person(people)
        place["班组"] = [{"名称": f"{place['名称']}{team}班", "负责人": person(people + 1 + index)}
                       for index, team in enumerate("甲乙丙")]
        people += 4
        place["岗位"] = []
        for p in range(w * POSTS_PER_WORKPLACE, min(posts, (w + 1) * POSTS_PER_WORKPLACE)):
            post = copy.deepcopy(base["岗位"][p % len(base["岗位"])])
            post["岗位名称"] = f"{place['名称']}{post['岗位名称']}{p + 1}"
            holder = person(people)
            people += 1
            data["岗位"].append(post)
            place["岗位"].append({"名称": post["岗位名称"], "责任人": holder})
        data["工作场所"].append(place)
        for r in range(POINTS_PER_WORKPLACE):
            point = copy.deepcopy(base["风险点"][(w * POINTS_PER_WORKPLACE + r) % len(base["风险点"])])
            if point["风险等级"] == "重大" and w > 0:
                point["风险等级"] = "较大"  # one major risk point per site: the one the supervision board names
            point["风险点名称"] = f"{place['名称']}{point['风险点名称']}"
            point["所在工作场所"] = place["名称"]
            point["管控责任人"] = place["场所主要负责人"]
            data["风险点"].append(point)
    data["监管责任"]["风险点"] = data["风险点"][0]["风险点名称"]
    return data


def big_site_text(posts: int) -> str:
    """:func:`big_site` as the YAML text a user would write (block style, keys in the example's order)."""
    return yaml.safe_dump(big_site(posts), allow_unicode=True, sort_keys=False, width=200)
