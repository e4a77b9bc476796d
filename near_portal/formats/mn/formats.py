"""Mongolian date and number formats (Django ships almost none for mn).

Mongolian writes dates year first: "2018 оны 10 сарын 29" in prose, 2018.10.29 in tables.
Month names come from Django's mn catalogue ("10-р сар").
"""

DATE_FORMAT = r"Y \о\н\ы n \с\а\р\ы\н j"
DATETIME_FORMAT = r"Y \о\н\ы n \с\а\р\ы\н j, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = r"Y \о\н\ы n \с\а\р"
MONTH_DAY_FORMAT = r"n \с\а\р\ы\н j"
SHORT_DATE_FORMAT = "Y.m.d"
SHORT_DATETIME_FORMAT = "Y.m.d H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%Y.%m.%d", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%Y.%m.%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
