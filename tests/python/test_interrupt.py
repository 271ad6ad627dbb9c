"""Ctrl-C (SIGINT) during annotate_many or a long annotate raises KeyboardInterrupt at once,
and the next call works."""

import os
import signal
import threading
import time

import lede
import pytest


@pytest.fixture(autouse=True)
def ctrl_c_raises():
    """Python's own SIGINT handler, as in a terminal: a shell starting the tests in the
    background leaves SIGINT ignored, and then Ctrl-C does nothing in any Python code."""
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, old)


def interrupt_after(seconds):
    """Sends this process SIGINT after `seconds`, as Ctrl-C in a terminal does."""
    timer = threading.Timer(seconds, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    return timer


def timed_interrupt(call, after=0.5):
    """Seconds from the signal to the KeyboardInterrupt of `call`."""
    timer = interrupt_after(after)
    start = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            call()
    finally:
        timer.cancel()
    return time.monotonic() - start - after


def test_annotate_many_is_interrupted_between_articles(seed):
    texts = [seed] * 5_000  # tens of seconds of work on any thread count
    assert timed_interrupt(lambda: lede.annotate_many(texts)) < 0.5
    assert timed_interrupt(lambda: lede.annotate_many(texts, threads=1)) < 0.5
    assert lede.annotate_many([seed, seed])[1]["quotes"], "the next call works"


def test_a_long_annotate_is_interrupted(seed):
    # About 3 MB: seconds in one pipeline run, which is left at its next stage.
    text = "\n\n".join([seed] * (3_000_000 // len(seed.encode())))
    assert timed_interrupt(lambda: lede.annotate(text), after=0.3) < 0.5
    assert lede.annotate(seed)["quotes"], "the next call works"
