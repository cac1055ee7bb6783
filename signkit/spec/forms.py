"""The 附表 of the regulation as data: names, minimum sizes, styling, who makes them, where they hang.

One table serves ``signkit layouts``, the board plan and (later) the renderer, so the
facts of the regulation are written down once.  Sizes are the trim sizes in
millimetres, width × height.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FormSpec:
    """One 附表."""

    form_id: str
    name: str
    purpose: str
    min_size_mm: tuple[int, int]
    size_note: str
    background: str
    title_font: str
    body_font: str
    maker: str
    hangs: str
    data: str
    #: The legible minimum type size (em, mm): text that does not fit at this size is an error (SK501),
    #: never shrunk further.  It does not grow with a larger board, which is read from further away
    #: only if it is also taller (docs/design.md, 观看距离与字号).
    min_text: float
    #: How far the board is read from (m): it sets the legible minimum, the smallest safety sign
    #: (GB 2894: distance / 40) and the smallest QR module (distance / 700).  ``None`` for the
    #: pocket card, which is read in the hand.
    viewing_distance: float | None
    proportional: bool = False


GRADIENT = "天蓝色→白色渐变"
#: 7 pt in mm: the smallest type a pocket card may use (the card is read in the hand).
CARD_MIN_TEXT = 7 * 25.4 / 72

def viewing_distance(form_id: str) -> float:
    """How far the board of ``form_id`` is read from (m); the pocket card (2-5) has no such distance."""
    distance = FORMS[form_id].viewing_distance
    if distance is None:
        raise ValueError(f"附表 {form_id} is read in the hand: it has no viewing distance")
    return distance


FORMS: dict[str, FormSpec] = {
    spec.form_id: spec
    for spec in (
        FormSpec("2-1-1", "安全生产监督管理责任牌", "存在重大风险点、由县级监管的企业",
                 (1200, 800), "参考最小尺寸 120 × 80 cm", GRADIENT, "黑体（标题、监制）", "楷体_GB2312",
                 "县级政府（县政府分管领导挂牌）", "厂区入口",
                 "企业名称、主要负责人、分管负责人、所属行业、县级政府领导、重大风险点、各监管部门及责任领导",
                 10.0, 2.0),
        FormSpec("2-1-2", "安全生产监督管理责任牌", "其他企业（含存在重大风险点的市级直接监管企业）",
                 (1200, 800), "参考最小尺寸 120 × 80 cm", GRADIENT, "黑体（标题、监制）", "楷体_GB2312",
                 "县级政府；市级直接监管的企业由市级部门", "厂区入口",
                 "企业名称、主要负责人、安全管理人员、所属行业、各监管部门及责任领导",
                 10.0, 2.0),
        FormSpec("2-2", "企业安全生产责任牌", "每个工作面、车间等独立生产经营场所",
                 (1200, 800), "参考最小尺寸 120 × 80 cm，塑封", GRADIENT, "黑体", "楷体_GB2312",
                 "企业", "各工作场所",
                 "工作场所、场所主要负责人、企业分管安全领导、带班领导、安全管理部门、场所主管部门、班组、岗位",
                 10.0, 2.0),
        FormSpec("2-3", "员工岗位责任牌", "每个岗位",
                 (600, 900), "最小 宽 60 × 高 90 cm，可按比例放大", "未规定（沿用天蓝色→白色渐变）", "黑体", "楷体_GB2312",
                 "企业", "员工办公室、工作场所集中悬挂", "岗位名称、岗位安全生产责任",
                 7.5, 1.5, proportional=True),
        FormSpec("2-4", "安全风险分级管控告知牌", "每个风险点",
                 (1200, 800), "参考最小尺寸 120 × 80 cm", "未规定（沿用天蓝色→白色渐变）", "黑体", "楷体_GB2312",
                 "企业", "风险点所在场所",
                 "风险点名称、风险等级（颜色）、风险及危害、事故诱因、管控责任人、警示标识、重要提示、管控措施、应急处置措施",
                 10.0, 2.0),
        FormSpec("2-5", "岗位风险告知卡", "每名员工一张（正反两面）",
                 (105, 148), "大小不限，便于携带；默认 A6（105 × 148 mm）", "未规定", "黑体", "楷体_GB2312",
                 "企业", "员工随身携带", "岗位名称、岗位安全风险、应急处置及管控措施、救援电话、企业应急电话",
                 CARD_MIN_TEXT, None),
        FormSpec("2-6", "安全生产举报公示栏", "每家企业一块",
                 (3000, 1500), "参考最小尺寸 300 × 150 cm，可按比例放大", GRADIENT, "黑体", "楷体_GB2312",
                 "企业", "出入企业的主要路口明显位置", "城市名称、市级与县级举报渠道（其余为固定文字）",
                 15.0, 3.0, proportional=True),
        FormSpec("2-7", "安全生产监督栏", "每家企业一块",
                 (3000, 1500), "最小尺寸 300 × 150 cm", GRADIENT, "黑体", "楷体_GB2312",
                 "企业", "员工宿舍等集中场所", "市级与县级举报渠道（其余为固定文字）",
                 15.0, 3.0),
    )
}
