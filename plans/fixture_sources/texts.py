"""Wording shared by several rows of Töv aimag's 2020 plan (seed 002): (mn, en, zh-hans, ko, ja, ru).

The Mongolian is the seed's own text; the other five are translations. The abbreviations of
the aimag's units are spelt out in the translations (ЗДТГ: Засаг даргын Тамгын газар, the
Governor's Office; ТЗУХ: Төрийн захиргаа, удирдлагын хэлтэс; НБХ: Нийгмийн бодлогын хэлтэс;
ХОХБТХ: Хөрөнгө оруулалт, хөгжлийн бодлого, төлөвлөлтийн хэлтэс; СТСХ: Санхүү, төрийн сангийн
хэлтэс; ХАҮТ: Худалдаа, аж үйлдвэрийн танхим; АНЭ: Аймгийн нэгдсэн эмнэлэг; БТСГ: Биеийн тамир,
спортын газар; ГБХЗХГ: Гэр бүл, хүүхэд, залуучуудын хөгжлийн газар, as the seed writes it out
in row 4.1; ИТХ: Иргэдийн Төлөөлөгчдийн Хурал).
"""

# Timing
WITHIN_YEAR = ("Жилдээ", "Within the year", "年内", "연내", "年内", "В течение года")
THROUGHOUT_YEAR = ("Жилийн турш", "Throughout the year", "全年", "연중", "通年", "Круглый год")
Q2 = ("2-р улиралд", "2nd quarter", "第二季度", "2분기", "第2四半期", "II квартал")
FEBRUARY = ("02-р сард", "February", "2月", "2월", "2月", "Февраль")

# Indicators and targets
BY_RESULTS = (
    "Хэрэгжүүлсэн төсөл, хөтөлбөр, арга хэмжээний үр дүнгээр",
    "By the results of the projects, programmes and events carried out",
    "以所实施项目、计划和活动的成果衡量",
    "이행한 사업, 프로그램, 행사의 성과로",
    "実施したプロジェクト、プログラム、行事の成果により",
    "По результатам реализованных проектов, программ и мероприятий",
)
MOU_OBJECTIVES_MET = (
    "Санамж бичигт дурьдсан зорилтууд хэрэгжсэн байна.",
    "The objectives set out in the memorandum are achieved.",
    "备忘录所列目标得到落实。",
    "양해각서에 명시된 목표가 이행된다.",
    "覚書に定める目標が実施されている。",
    "Задачи, указанные в меморандуме, выполнены.",
)
BY_PARTICIPATION = (
    "Оролцсон байдлаар",
    "By participation",
    "以参加情况衡量",
    "참가 실적으로",
    "参加状況により",
    "По факту участия",
)
COOPERATION_PROGRESSES = (
    "Муж, аймгийн хамтын ажиллагаанд ахиц гарна.",
    "Cooperation between the province and the aimag progresses.",
    "州省与本省之间的合作取得进展。",
    "주(州)와 아이막 간 협력이 진전된다.",
    "州と県（アイマグ）の協力が進展する。",
    "Сотрудничество между провинцией и аймаком продвинется.",
)

# Responsible units
GOVERNOR = (
    "Аймгийн ЗДТГ",
    "Aimag Governor's Office",
    "省长办公厅",
    "아이막 도지사 사무처",
    "県知事官房",
    "Аппарат губернатора аймака",
)
GOVERNOR_TZUH = (
    "Аймгийн ЗДТГ, ТЗУХ",
    "Aimag Governor's Office; Public Administration and Management Division",
    "省长办公厅、行政管理处",
    "아이막 도지사 사무처, 행정관리과",
    "県知事官房、行政管理課",
    "Аппарат губернатора аймака; отдел государственного управления",
)
KHURAL_TZUH = (
    "ИТХ-н Ажлын алба, ЗДТГ-н ТЗУХ",
    "Office of the Citizens' Representative Khural; Public Administration and Management Division of the Governor's Office",
    "公民代表呼拉尔办公室、省长办公厅行政管理处",
    "시민대표회의 사무국, 도지사 사무처 행정관리과",
    "市民代表会議事務局、県知事官房行政管理課",
    "Аппарат Хурала представителей граждан; отдел государственного управления Аппарата губернатора",
)
GOVERNOR_DIVISIONS = (
    "Аймгийн ЗДТГ, холбогдох хэлтсүүд",
    "Aimag Governor's Office; the divisions concerned",
    "省长办公厅、相关处室",
    "아이막 도지사 사무처, 관계 부서",
    "県知事官房、関係課",
    "Аппарат губернатора аймака; соответствующие отделы",
)
GOVERNOR_CHAMBER = (
    "Аймгийн ЗДТГ, Аймгийн ХАҮТанхим",
    "Aimag Governor's Office; Aimag Chamber of Commerce and Industry",
    "省长办公厅、省工商会",
    "아이막 도지사 사무처, 아이막 상공회의소",
    "県知事官房、県商工会議所",
    "Аппарат губернатора аймака; Торгово-промышленная палата аймака",
)

# Counterparts outside NEAR
SUMMIT = (
    "Зүүн Хойд Азийн орнуудын харилцаат бүс нутгуудын харилцаа, хамтын ажиллагааны Дээд хэмжээний уулзалт (Саммит)",
    "Summit on relations and cooperation of the partner regions of Northeast Asian countries",
    "东北亚各国友好地区交流合作首脑会议（峰会）",
    "동북아시아 국가 교류 지역 간 교류·협력 정상회의",
    "北東アジア諸国交流地域間の交流・協力首脳会議（サミット）",
    "Встреча на высшем уровне по связям и сотрудничеству регионов-партнёров стран Северо-Восточной Азии (Саммит)",
)
EATOF = ("EATOF", "EATOF", "EATOF", "EATOF", "EATOF", "EATOF")
PYEONGTAEK = (
    "БНСУ-ын Пёнгтаек хот",
    "Pyeongtaek city (Republic of Korea)",
    "平泽市（大韩民国）",
    "평택시(대한민국)",
    "平沢市（大韓民国）",
    "Город Пхёнтхэк (Республика Корея)",
)
IZUMISANO = (
    "Япон улсын Изүмисано хот",
    "Izumisano city (Japan)",
    "泉佐野市（日本）",
    "이즈미사노시(일본)",
    "泉佐野市（日本）",
    "Город Идзумисано (Япония)",
)
