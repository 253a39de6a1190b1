"""Counting words for messages: “1 risk added”, never “1 risks added”."""


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """The number with its noun in the number it takes: counted(1, "risk") is “1 risk”,
    counted(0, "risk") “0 risks”, counted(2, "person", "people") “2 people”."""
    noun = singular if number == 1 else (plural or f"{singular}s")
    return f"{number:,} {noun}"
