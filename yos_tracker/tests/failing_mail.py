from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    """An SMTP server that is down: every send raises, as a real connection failure would."""

    def send_messages(self, email_messages):
        raise ConnectionError("mail server unreachable")
