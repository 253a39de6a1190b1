"""Saying that background work failed: in plain words on the page, and in full for administrators
(the log and Django admin). A Python error or a server path never reaches the page."""

import traceback


def failure_in_words(step: str, meanings: dict[str, str]) -> str:
    """What a person reads: what could not be done, and what to do about it."""
    what = meanings.get(step, "something went wrong")
    return (
        f"It stopped because {what}. The details are in the log for your system administrator; "
        "Retry may work once the cause is put right."
    )


def technical_error(error: BaseException) -> str:
    """The error with its traceback, for administrators only."""
    return "".join(traceback.format_exception(error)).strip()
