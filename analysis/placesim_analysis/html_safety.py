"""Text from a file (strategy, parameter, target and metric names, labels, provenance) on a page,
escaped for the context it lands in. A results or targets file may come from someone else, and
names may hold <, >, ", & and /: every page (the report, the calibration report, any to come)
puts file text through these functions and nothing else.

  text(s)         HTML text between tags
  attribute(s)    inside a double-quoted attribute value
  script_json(v)  a value as JSON inside a <script>: JSON alone does not escape "</script>" or
                  "<!--", which end or change the script (Plotly's to_html, 5.4, passes them on)
  plotly_text(s)  a title, legend name or hover text drawn by plotly.js, which reads a subset of
                  HTML in them (<b>, <br>, <a href>, entities): the characters shown as typed
"""
import html
import json

# In a script's JSON: <, > and & as \u escapes (JSON and JavaScript read them back as the same
# characters), and U+2028 and U+2029, which old JavaScript parsers took for line ends.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def text(value):
    return html.escape(str(value), quote=True)


def attribute(value):
    """For a double-quoted attribute value: text's escaping, which covers the quotes too."""
    return text(value)


def script_json(value, encode=json.dumps):
    """`value` as JSON (by `encode`, e.g. plotly's encoder for numpy arrays) safe inside a
    <script> element."""
    encoded = encode(value)
    for character, escape in _SCRIPT_ESCAPES.items():
        encoded = encoded.replace(character, escape)
    return encoded


def plotly_text(value):
    """Plain text in plotly.js's markup: & < > as the entities it decodes for display."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
