"""Sending mail to people (password resets). Without SLATE_SMTP_HOST the message is
logged instead, so an admin of a studio without a mail server can still pass links on."""
import email.message
import logging
import smtplib

log = logging.getLogger(__name__)


def send(settings, to, subject, text):
    """Send a plain-text mail; never raises (Zou swallows mail failures too)."""
    if not settings.smtp_host:
        log.warning("no SLATE_SMTP_HOST: mail to %s not sent: %s\n%s", to, subject, text)
        return False
    message = email.message.EmailMessage()
    message["From"], message["To"], message["Subject"] = settings.mail_from, to, subject
    message.set_content(text)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=10) as smtp:
            smtp.send_message(message)
        return True
    except (OSError, smtplib.SMTPException) as exc:
        log.error("mail to %s failed: %s", to, exc)
        return False
