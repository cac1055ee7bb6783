"""Built-in city profiles: what 附表 2-6 / 2-7 and the 2-1 监制 line print for a city.

A site file names its city and county; for a city signkit knows, the 监制 unit and
the 市级 reporting channel come from here, so an office fills in only its county's
channel ("其他内容条目无需更改").  The values are the spec's own wording.

A profile may also carry the city's online reporting page (``report_url``), printed as
the QR code of 2-6 / 2-7 when the site file gives no 地区.举报网址 of its own.  The
built-in 忻州市 profile has none: the spec names the city's website only as a path of
menus (官网-互动交流栏目-局长信箱), and signkit never invents an address.
"""

from __future__ import annotations

from dataclasses import dataclass

from signkit.model.site import Channel, Region


@dataclass(frozen=True)
class CityProfile:
    """Fixed wording for one city."""

    city: str
    supervisor_unit: str
    channel: Channel
    #: The city's online reporting page (http/https), or ``None`` when the city has published none.
    report_url: str | None = None


CITY_PROFILES: dict[str, CityProfile] = {
    "忻州市": CityProfile(
        city="忻州市",
        supervisor_unit="忻州市人民政府安全生产委员会办公室",
        channel=Channel.model_validate({
            "电话": "0350-12350",
            "来信地址": "忻州市忻府区建设北路五号忻州市应急管理局",
            "邮编": "034000",
            "网站": "忻州市应急管理局官网-互动交流栏目-局长信箱",
        }),
    ),
}


@dataclass(frozen=True)
class ResolvedRegion:
    """A region with the city's built-in values filled in where the file left them out."""

    city: str
    county: str
    supervisor_unit: str | None
    city_channel: Channel | None
    county_channel: Channel | None
    profile: CityProfile | None
    #: The page the 2-6 / 2-7 QR code opens: the site file's 举报网址, else the profile's, else none.
    report_url: str | None = None
    #: Whether :attr:`report_url` came from the city's profile (diagnostics then point at 地区.城市).
    report_url_from_profile: bool = False


def _merge(given: Channel | None, builtin: Channel | None) -> Channel | None:
    """Field by field: what the file gives wins, the profile fills the rest."""
    if given is None or builtin is None:
        return given or builtin
    return Channel.model_validate({
        alias: getattr(given, name) or getattr(builtin, name)
        for name, field in Channel.model_fields.items()
        if (alias := field.alias) is not None
    })


def resolve_region(region: Region) -> ResolvedRegion:
    """Fill the 监制 unit, the 市级 channel and the 举报网址 from the city's profile where not given."""
    profile = CITY_PROFILES.get(region.city)
    return ResolvedRegion(
        city=region.city,
        county=region.county,
        supervisor_unit=region.supervisor_unit or (profile.supervisor_unit if profile else None),
        city_channel=_merge(region.city_channel, profile.channel if profile else None),
        county_channel=region.county_channel,
        profile=profile,
        report_url=region.report_url or (profile.report_url if profile else None),
        report_url_from_profile=not region.report_url and profile is not None and profile.report_url is not None,
    )
