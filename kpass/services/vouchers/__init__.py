"""60plus vouchers (Bildungs- und Kulturgutscheine): handed out once per person and calendar
year to pass holders whose decision grants ``60plus``, and the accounting department's list
per month (CSV/XLSX)."""

from kpass.services.vouchers.handing_out import hand_out_vouchers
from kpass.services.vouchers.listing import export_voucher_list, voucher_list
from kpass.services.vouchers.views import VoucherIssued, VoucherRow

__all__ = [
    "VoucherIssued",
    "VoucherRow",
    "export_voucher_list",
    "hand_out_vouchers",
    "voucher_list",
]
