"""Models of the governance app.

``instruments``: the Charter and the Regulations, article by article, with their amendments.
"""

from governance.models.instruments import (  # noqa: F401
    Amendment,
    Article,
    ArticleVersion,
    Heading,
    Instrument,
    Paragraph,
)
