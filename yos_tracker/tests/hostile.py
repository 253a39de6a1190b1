"""Spreadsheet cells a hostile or careless file holds: wrong types, formulas, huge and odd text."""

from hypothesis import strategies as st

# Every importer must accept or refuse these with a message, never fail.
CELLS = st.one_of(
    st.none(),
    st.text(max_size=300),
    st.text(alphabet="=+-@\t\r'\"<>&;,", max_size=20),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.just('=HYPERLINK("http://evil.example","click")'),
    st.just("x" * 32_000),
)
