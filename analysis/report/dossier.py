"""An actor's dossier: which actor a parameter names, the actors the batch writes dossiers for,
and a stable page name for each."""

from __future__ import annotations

import difflib
import hashlib
import re

from ..errors import ParameterError


def find_actor(actors: list[dict], value: str) -> str:
    """The actor id that ``value`` names among ``actors`` (rows of ``actors.csv``): an actor id,
    a name (any case), or a part of one name. A value that names several actors or none is a
    ParameterError listing the candidates."""
    value = value.strip()
    if not value:
        raise ParameterError("parameter actor is empty: give an actor id or name (see data/actors.csv)")
    ids = {row["actor_id"]: row for row in actors}
    if value in ids:
        return value
    wanted = value.lower()
    exact = [row for row in actors if row["name"].lower() == wanted]
    found = exact or [row for row in actors if wanted in row["name"].lower()]
    if len(found) == 1:
        return found[0]["actor_id"]
    if found:
        listed = "; ".join(f"{row['name']} ({row['actor_id']})" for row in found[:10])
        more = f" and {len(found) - 10} more" if len(found) > 10 else ""
        raise ParameterError(
            f"parameter actor {value!r} names {len(found)} actors: {listed}{more}; pass one of these ids"
        )
    # a misspelt name or surname: "Шайгу" -> Сергей Шойгу
    named = {}
    for row in actors:
        for key in (row["name"].lower(), *row["name"].lower().split()):
            named.setdefault(key, row)
    close = difflib.get_close_matches(wanted, sorted(named), n=5, cutoff=0.6)
    rows = list({named[n]["actor_id"]: named[n] for n in close}.values())
    hint = "; ".join(f"{row['name']} ({row['actor_id']})" for row in rows)
    raise ParameterError(
        f"parameter actor {value!r} names no actor of data/actors.csv"
        + (f"; did you mean: {hint}" if hint else ": use an actor id or name from that table")
    )


def most_mentioned(actors: list[dict], count: int) -> list[str]:
    """The ids of the ``count`` most mentioned actors (outlets left out: they are sources), most
    mentions first, then most articles, then id."""
    ranked = sorted(
        (row for row in actors if row["kind"] != "media"),
        key=lambda row: (-int(row["mentions"]), -int(row["articles"]), row["actor_id"]),
    )
    return [row["actor_id"] for row in ranked[:count]]


def page_name(actor_id: str) -> str:
    """The dossier's page name: ``actor_dossier_`` and the id romanised (``person:денис_мантуров``
    -> ``actor_dossier_person_denis_manturov``), with a short hash of the id so that two ids
    romanised alike never share a page."""
    import iuliia

    romanised = re.sub(r"[^a-z0-9]+", "_", iuliia.WIKIPEDIA.translate(actor_id).lower()).strip("_")
    return f"actor_dossier_{romanised[:60]}_{hashlib.sha256(actor_id.encode()).hexdigest()[:6]}"
