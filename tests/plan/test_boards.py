"""The board plan follows 挂牌说明 (1)–(4): which 2-1 form, how many of each board, who makes them."""

from __future__ import annotations

from signkit.model.facts import supervision_form
from signkit.plan.boards import plan_boards, plan_counts
from tests.conftest import CHEMICAL, SMALL, check_data, example_data


def _site(data):  # type: ignore[no-untyped-def]
    report = check_data(data)
    assert report.site is not None, [d.render() for d in report.diagnostics]
    return report.site


def test_chemical_plant_plan() -> None:
    site = _site(example_data(CHEMICAL))
    assert supervision_form(site) == "2-1-1"
    boards = plan_boards(site)
    counts = plan_counts(boards)
    assert counts == {
        "2-1-1": {"designs": 1, "pieces": 1},
        "2-2": {"designs": 2, "pieces": 2},
        "2-3": {"designs": 5, "pieces": 5},
        "2-4": {"designs": 4, "pieces": 4},
        "2-5": {"designs": 5, "pieces": 12 + 3 + 6 + 4 + 2},
        "2-6": {"designs": 1, "pieces": 1},
        "2-7": {"designs": 1, "pieces": 1},
    }
    first = boards[0]
    assert first.maker == "原平市人民政府" and first.hangs == "厂区入口"
    assert [b.form_id for b in boards] == sorted((b.form_id for b in boards), key=lambda f: [int(x) for x in f.split("-")])
    cards = [b for b in boards if b.form_id == "2-5"]
    assert cards[0].subject == "合成操作工" and cards[0].quantity == 12
    assert boards[-2].title == "忻州市安全生产举报公示栏"


def test_small_enterprise_gets_2_1_2() -> None:
    site = _site(example_data(SMALL))
    assert supervision_form(site) == "2-1-2"


def test_city_supervised_major_gets_2_1_2_made_by_the_city() -> None:
    data = example_data(CHEMICAL)
    data["企业"]["市级直接监管"] = "是"
    data["监管责任"]["行业主管部门"]["部门"] = "忻州市工业和信息化局"
    site = _site(data)
    assert supervision_form(site) == "2-1-2"
    assert plan_boards(site)[0].maker == "市级行业主管部门（忻州市工业和信息化局）"


def test_county_enterprise_without_major_risk_gets_2_1_2() -> None:
    data = example_data(CHEMICAL)
    data["风险点"][0]["风险等级"] = "较大"
    assert supervision_form(_site(data)) == "2-1-2"


def test_plan_grows_and_shrinks_with_the_data() -> None:
    data = example_data(CHEMICAL)
    data["风险点"] = data["风险点"][:1]
    data["岗位"][0]["人数"] = "1"
    counts = plan_counts(plan_boards(_site(data)))
    assert counts["2-4"] == {"designs": 1, "pieces": 1}
    assert counts["2-5"]["pieces"] == 1 + 3 + 6 + 4 + 2
