"""The portfolio report as JSON: every figure unrounded, for scripts and dashboards."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kamtui.core.account.model import Account
from kamtui.core.analysis.portfolio import AccountRow, PortfolioAnalysis
from kamtui.core.people.stakeholders import stakeholder_summary
from kamtui.render.json_text import json_text
from kamtui.render.report_columns import json_values


def report_document(analysis: PortfolioAnalysis, accounts: Mapping[str, Account]) -> dict[str, Any]:
    """The JSON-ready report; `accounts` are the analysed accounts (for their stakeholders)."""
    pareto = analysis.pareto
    return {
        "portfolio": {
            "accounts": len(analysis.rows),
            "year": analysis.year,
            "years": list(analysis.years),
            "today": analysis.today.isoformat(),
            "currency": analysis.currency,
            "revenue_total": analysis.revenue_total,
            "revenue_by_year": {str(y): total for y, total in analysis.revenue_totals.items()},
            "pareto": {
                "vital_few": list(pareto.vital_few),
                "accounts_share": pareto.accounts_share,
                "revenue_share": pareto.revenue_share,
                "ranking": [
                    {"id": account_id, "revenue": amount, "cumulative_share": share}
                    for account_id, amount, share in zip(
                        pareto.ranking.accounts,
                        pareto.ranking.revenue,
                        pareto.ranking.cumulative_share,
                        strict=True,
                    )
                ],
            },
            "abc": {
                str(year): {
                    tier.value: {
                        "accounts": s.accounts,
                        "revenue": s.revenue,
                        "share": s.share,
                    }
                    for tier, s in summary.items()
                }
                for year, summary in analysis.abc_summary.items()
            },
            "tier_movements": [
                {
                    "id": m.account,
                    "from_year": m.from_year,
                    "to_year": m.to_year,
                    "from": m.before and m.before.value,
                    "to": m.after and m.after.value,
                }
                for m in analysis.movements
            ],
            "mrr_total": analysis.mrr_total,
            "mrr_at_risk": analysis.mrr_at_risk,
            "mrr_by_plan": dict(analysis.mrr_by_plan),
            "mrr_series": [[day.isoformat(), total] for day, total in analysis.mrr_series["total"]],
            "mrr_series_by_plan": {
                plan: [[day.isoformat(), amount] for day, amount in points]
                for plan, points in analysis.mrr_series.items()
                if plan != "total"
            },
            "renewals_due": list(analysis.renewals_due),
            "pipeline": {
                "weighted": analysis.pipeline.weighted,
                "growth": analysis.pipeline.growth,
                "renewals": analysis.pipeline.renewals,
            },
            "whitespace": {
                offering: {"penetration": found.share, "owned": found.owned, "open": found.open}
                for offering, found in analysis.whitespace.items()
            },
            "open_value": analysis.open_value,
            "retention": None
            if analysis.retention is None
            else {
                "year": analysis.retention.year,
                "nrr": round(analysis.retention.nrr, 3),
                "grr": round(analysis.retention.grr, 3),
                "accounts": analysis.retention.accounts,
            },
            "cltv": {
                "total": analysis.cltv.total,
                "accounts": analysis.cltv.accounts,
                "by_tier": {tier.value: amount for tier, amount in analysis.cltv.by_tier.items()},
            },
            "bands": {
                kpi: {band.value: count for band, count in counts.items()}
                for kpi, counts in analysis.band_counts.items()
            },
            "onboarding": {
                "not_recorded" if status is None else status.value: count
                for status, count in analysis.onboarding.items()
            },
            "endangered": list(analysis.endangered),
            "upsell": list(analysis.upsell),
            "going_cold": list(analysis.going_cold),
            "candidates": list(analysis.candidates),
            "proposed_for_promotion": list(analysis.proposed_for_promotion),
            "review_overdue": list(analysis.review_overdue),
            "former": list(analysis.former),
            "programme": {
                "year": analysis.programme_return.year,
                "roi": analysis.programme_return.roi,
                "cost_to_serve": analysis.programme_return.cost_to_serve,
                "gross_profit": analysis.programme_return.gross_profit,
                "accounts": analysis.programme_return.accounts,
            },
            "team_load": [
                {"name": load.name, "accounts": list(load.accounts), "revenue": load.revenue}
                for load in analysis.team_load
            ],
            "owners": [
                {
                    "owner": book.owner,
                    "accounts": book.accounts,
                    "revenue": book.revenue,
                    "mrr": book.mrr,
                    "at_risk": book.at_risk,
                    "going_cold": book.going_cold,
                    "actions_overdue": book.actions_overdue,
                }
                for book in analysis.owners
            ],
        },
        "accounts": [_account(row, accounts[row.id]) for row in analysis.rows.values()],
        "at_risk": list(analysis.at_risk),
    }


def _account(row: AccountRow, account: Account) -> dict[str, Any]:
    return {
        **json_values(row),
        "stakeholders": stakeholder_summary(account, row.figures.map_status),
    }


def render_json(analysis: PortfolioAnalysis, accounts: Mapping[str, Account]) -> str:
    return json_text(report_document(analysis, accounts)) + "\n"
