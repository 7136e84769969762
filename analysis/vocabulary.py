"""The package's named values: what an actor, a mention, a block of text, a document's status
and a network link can be.

String enums: each member is its value (``ActorKind.PERSON == "person"``), so tables, JSON
and ids read exactly as the words, and code names them instead of typing them.
"""

from __future__ import annotations

from enum import StrEnum


class ActorKind(StrEnum):
    """What an actor is. Outlets (``MEDIA``) are an article's sources, never actors of a story."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"  # a country or a region, with an ISO 3166 code
    PLACE = "place"  # a city, with its country
    MEDIA = "media"


# the kinds drawn in networks and listed as entities of a fact record, in that order
ACTOR_KINDS = (ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.COUNTRY, ActorKind.PLACE)


class MentionType(StrEnum):
    """The named-entity type of a mention, as natasha tags it."""

    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"


class Block(StrEnum):
    """The analysed kinds of a line of an article; any other line is furniture, named by its reason."""

    TITLE = "title"
    BODY = "body"
    DIGEST = "digest"  # other news appended to the story


STORY = (Block.TITLE, Block.BODY)


class MeetingStatus(StrEnum):
    """Whether the story tells of a meeting as held (or under way) or as one to come
    (``data/meeting_cues.csv``)."""

    HELD = "held"
    PLANNED = "planned"


class AgreementStatus(StrEnum):
    """What the text says happened to a document (``data/agreement_status.csv``)."""

    SUPERSEDED = "superseded"
    IN_FORCE = "in force"
    SIGNED = "signed"
    DRAFTED = "drafted"
    PLANNED = "planned"
    DISCUSSED = "discussed"


# a document in one of these states binds its parties: they are linked as "signed"
BINDING = (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)


class LinkKind(StrEnum):
    """Why two actors are linked in a network."""

    COOCCURRENCE = "cooccurrence"  # named in the same window
    MET = "met"
    SIGNED = "signed"
    AFFILIATED = "affiliated"


# the order a link's kinds are counted in, and (strongest first) the kind it is drawn as
LINK_KINDS = (LinkKind.COOCCURRENCE, LinkKind.MET, LinkKind.SIGNED, LinkKind.AFFILIATED)
STRONGEST_FIRST = (LinkKind.AFFILIATED, LinkKind.MET, LinkKind.SIGNED, LinkKind.COOCCURRENCE)
