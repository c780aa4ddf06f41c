"""The supervisor's dashboard and the policy what-if panel (exact counts, in-house use).

Embed ``DashboardWidget(database)`` and ``WhatIfPanel(database)`` like any QWidget (e.g. as
pages of the main window); both follow the window contract ``translate_ui()``,
``load_settings()``, ``save_settings()`` and do their database work off the GUI thread.
"""

from kpass.ui.dashboard.bar_chart import BarChart
from kpass.ui.dashboard.dashboard_widget import DashboardWidget
from kpass.ui.dashboard.line_chart import LineChart
from kpass.ui.dashboard.what_if_panel import WhatIfPanel

__all__ = ["BarChart", "DashboardWidget", "LineChart", "WhatIfPanel"]
