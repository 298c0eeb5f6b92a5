# Loaded by Orca at start-up from its -u preferences folder (tests/support/screen-reader.mjs).
# Writes every utterance, line-buffered, to $ORCA_SPEECH_LOG as
#   epoch<TAB>speak|sayall|char<TAB>language<TAB>text
# where language is the one Orca asked the voice for ("-" for the default voice: Orca's own
# words, and text it sends without a language). Orca's --debug-file is buffered, huge, and misses
# say-all; this is what reaches the speech synthesiser.
import os, time
from gi.repository import GLib
import orca.speech as _sp

_log = open(os.environ.get("ORCA_SPEECH_LOG", "/tmp/orca-speech.log"), "a", buffering=1)

def _lang(acss):
    try:
        family = (acss or {}).get("family") or {}
        lang = family.get("lang") or ""
        dialect = family.get("dialect") or ""
        return (lang + ("-" + dialect if dialect else "")) or "-"
    except Exception:
        return "-"

def _w(kind, acss, text):
    _log.write("%.3f\t%s\t%s\t%s\n" % (time.time(), kind, _lang(acss), str(text).replace("\n", " ")))

_orig_speak = _sp._speak
def _speak(text, acss, interrupt):
    _w("speak", acss, text)
    return _orig_speak(text, acss, interrupt)
_sp._speak = _speak

_orig_char = _sp.speakCharacter
def _speakCharacter(character, acss=None):
    _w("char", acss, character)
    return _orig_char(character, acss)
_sp.speakCharacter = _speakCharacter

_orig_sayall = _sp.sayAll
def _sayAll(iterator, cb):
    def logged():
        for context, acss in iterator:
            _w("sayall", acss, context.utterance)
            yield context, acss
    return _orig_sayall(logged(), cb)
_sp.sayAll = _sayAll

# Orca installs Python signal handlers, which only run when Python code runs; in an idle
# GLib/AT-SPI loop, SIGTERM is otherwise ignored. Tick Python so that `kill PID` ends it.
GLib.timeout_add(200, lambda: True)
