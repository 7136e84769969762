"""The stored tables by outlet, for the corpus overview: how many articles have a date, and the
themes and actors of each outlet side by side.

An outlet is the one that published the article (``articles.csv`` column ``outlet``: from the
user's ``metadata.csv`` or a JSON ``source``), not an outlet the text cites. Outlets of different
size are compared by the share of their articles that name a theme or an actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

NO_OUTLET = "(no outlet)"


def dated(articles: pd.DataFrame) -> tuple[int, int]:
    """How many articles have a date of publication, and how many of those a year."""
    published = articles["published"].fillna("").astype(str)
    return int((published != "").sum()), int(published.str.match(r"\d{4}").sum())


def outlets(articles: pd.DataFrame) -> pd.Series:
    """Each article's outlet (``NO_OUTLET`` where none is known), indexed by article id."""
    return articles.set_index("article_id")["outlet"].fillna("").astype(str).replace("", NO_OUTLET)


def outlet_summary(articles: pd.DataFrame, facts: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per outlet (most articles first): its articles, how many have a date, and the
    facts of each kind (``facts``: kind -> its table) they report."""
    import pandas as pd

    by_article = outlets(articles)
    rows = []
    for outlet, ids in by_article.groupby(by_article, sort=False).groups.items():
        own = articles[articles["article_id"].isin(ids)]
        row = {"outlet": outlet, "articles": len(own), "dated": dated(own)[0]}
        row.update({kind: int(table["article_id"].isin(ids).sum()) for kind, table in facts.items()})
        rows.append(row)
    return pd.DataFrame(rows).sort_values(["articles", "outlet"], ascending=[False, True], ignore_index=True)


def _shares(naming: pd.DataFrame, by_article: pd.Series, what: str) -> pd.DataFrame:
    """For each value of ``what`` in ``naming`` (rows of article_id and ``what``), the percentage
    of each outlet's articles that name it: a column per outlet, headed with its size."""
    import pandas as pd

    sizes = by_article.value_counts()
    pairs = naming[["article_id", what]].drop_duplicates()
    pairs = pairs.assign(outlet=pairs["article_id"].map(by_article))
    order = sorted(sizes.index, key=lambda o: (-sizes[o], o))
    # an outlet none of whose articles names any is a column of zeros
    counts = pd.crosstab(pairs[what], pairs["outlet"]).reindex(columns=order, fill_value=0)
    shares = (100 * counts / sizes[order]).round().astype(int)
    shares.columns = [f"{o} ({sizes[o]} article{'s' if sizes[o] > 1 else ''}), %" for o in order]
    return shares


def themes_by_outlet(articles: pd.DataFrame, themes: pd.DataFrame) -> pd.DataFrame:
    """The areas of cooperation (rows, by label) and the share of each outlet's articles that
    name each one, most named first."""
    table = _shares(themes[themes["count"] > 0], outlets(articles), "label")
    table = table.assign(_all=table.sum(axis=1)).sort_values(["_all", "label"], ascending=[False, True])
    return table.drop(columns="_all").rename_axis("area").reset_index()


def actors_by_outlet(articles: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame, top_n: int) -> pd.DataFrame:
    """The ``top_n`` actors named in most articles (outlets left out: they are sources) and the
    share of each outlet's articles that name each one."""
    kinds = actors.set_index("actor_id")["kind"]
    named = mentions[mentions["actor_id"].map(kinds) != "media"]
    table = _shares(named, outlets(articles), "actor_id")
    articles_naming = named.groupby("actor_id")["article_id"].nunique()
    table = table.assign(_articles=articles_naming.reindex(table.index))
    table = table.rename_axis("actor_id").reset_index()
    table = table.sort_values(["_articles", "actor_id"], ascending=[False, True]).head(top_n)
    names = actors.set_index("actor_id")
    table.insert(1, "name", table["actor_id"].map(names["name"]))
    table.insert(2, "kind", table["actor_id"].map(names["kind"]))
    return table.drop(columns=["actor_id", "_articles"]).reset_index(drop=True)
