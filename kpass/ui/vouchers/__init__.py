"""The 60plus vouchers outside the household: the accounting department's list of a month
(:mod:`~kpass.ui.vouchers.list_dialog`). Handing them out is on the household page."""

from kpass.ui.vouchers.list_dialog import VoucherListDialog, open_voucher_list

__all__ = ["VoucherListDialog", "open_voucher_list"]
