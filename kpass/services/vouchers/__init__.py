"""60plus vouchers (Bildungs- und Kulturgutscheine): handed out once per person and calendar
year to pass holders whose decision grants ``60plus`` (asked first with
:func:`check_vouchers`), the printed Empfangsbestätigung of a hand-out, and the accounting
department's list per month (CSV/XLSX)."""

from kpass.services.vouchers.handing_out import check_vouchers, hand_out_vouchers
from kpass.services.vouchers.listing import export_voucher_list, voucher_list
from kpass.services.vouchers.receipt import print_voucher_receipt
from kpass.services.vouchers.views import (
    VoucherIssued,
    VoucherOffer,
    VoucherReceipt,
    VoucherRow,
)

__all__ = [
    "VoucherIssued",
    "VoucherOffer",
    "VoucherReceipt",
    "VoucherRow",
    "check_vouchers",
    "export_voucher_list",
    "hand_out_vouchers",
    "print_voucher_receipt",
    "voucher_list",
]
