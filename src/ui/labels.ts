// Vietnamese labels for the enums users see.

export const trackLabels = { PARTY: "Đảng", STATE: "Chính quyền", OTHER: "Khác" } as const;
export const levelLabels = {
  CENTRAL: "Trung ương",
  PROVINCE: "Cấp tỉnh",
  DISTRICT: "Cấp huyện (trước 01/07/2025)",
  COMMUNE: "Cấp xã",
} as const;
export const planStatusLabels = { DRAFT: "Dự thảo", ISSUED: "Đã ban hành", SUPERSEDED: "Đã được thay thế" } as const;
export const assignmentRoleLabels = {
  LEAD: "Chủ trì",
  COORDINATING: "Phối hợp",
  DIRECTING: "Chỉ đạo",
  ADVISING: "Tham mưu, thực hiện",
} as const;
export const roleLabels = {
  VIEWER: "Xem",
  EDITOR: "Nhập liệu",
  APPROVER: "Lãnh đạo duyệt",
  ADMIN: "Quản trị đơn vị",
} as const;
export const directionLabels = {
  HIGHER_BETTER: "Càng cao càng tốt",
  LOWER_BETTER: "Càng thấp càng tốt",
  WITHIN_RANGE: "Trong khoảng",
  QUALITATIVE: "Định tính",
} as const;

/** What an audit entry records, as the history and the audit trail show it. */
const AUDIT_ACTION_LABELS: Record<string, string> = {
  "plan.import": "Nhập kế hoạch từ văn bản",
  "import.scan.create": "Gửi bản quét để nhận dạng chữ",
  "import.scan.cancel": "Hủy nhận dạng bản quét",
  "import.scan.purge": "Xóa lượt nhận dạng bản quét đã xong quá 7 ngày",
  "apiToken.create": "Tạo mã truy cập API",
  "apiToken.revoke": "Thu hồi mã truy cập API",
  "plan.createImplementing": "Tạo kế hoạch thực hiện",
  "plan.updateHeader": "Sửa thông tin chung của kế hoạch",
  "plan.issue": "Ban hành kế hoạch",
  "plan.amend": "Mở sửa đổi, bổ sung kế hoạch",
  "plan.publish": "Công bố cho các tỉnh khác",
  "plan.unpublish": "Thôi công bố ngoài tỉnh",
  "plan.setChildReportDeadline": "Đặt hạn báo cáo của cấp dưới",
  "task.create": "Thêm nhiệm vụ",
  "task.update": "Sửa nhiệm vụ",
  "task.delete": "Xóa nhiệm vụ",
  "task.drop": "Không thực hiện nhiệm vụ kế thừa",
  "task.restore": "Khôi phục nhiệm vụ",
  "task.move.up": "Chuyển nhiệm vụ lên trên",
  "task.move.down": "Chuyển nhiệm vụ xuống dưới",
  "task.move.indent": "Chuyển thành nhiệm vụ con",
  "task.move.outdent": "Chuyển nhiệm vụ lên một cấp",
  "indicator.create": "Thêm chỉ tiêu",
  "indicator.update": "Sửa chỉ tiêu",
  "indicator.delete": "Xóa chỉ tiêu",
  "indicator.drop": "Không áp dụng chỉ tiêu kế thừa",
  "indicator.restore": "Khôi phục chỉ tiêu",
  "indicator.setAggregation": "Đặt cách tổng hợp số liệu của chỉ tiêu",
  "parentChange.accept": "Áp dụng thay đổi của cấp trên",
  "parentChange.dismiss": "Bỏ qua thay đổi của cấp trên",
  "indicatorActual.create": "Nhập kết quả chỉ tiêu",
  "indicatorActual.update": "Sửa kết quả chỉ tiêu",
  "indicatorActual.delete": "Xóa kết quả chỉ tiêu",
  "taskProgress.create": "Cập nhật tiến độ nhiệm vụ",
  "taskProgress.update": "Sửa tiến độ nhiệm vụ",
  "taskProgress.delete": "Xóa tiến độ nhiệm vụ",
  "report.create": "Lập báo cáo năm",
  "report.saveNarrative": "Sửa nội dung báo cáo",
  "report.submit": "Gửi báo cáo",
  "report.accept": "Tiếp nhận báo cáo",
  "report.return": "Trả lại báo cáo",
  "report.extend": "Gia hạn nộp báo cáo",
  "organization.create": "Thêm cơ quan vào danh mục",
  "organization.close": "Ghi nhận cơ quan kết thúc hoạt động",
  "user.create": "Tạo tài khoản",
  "user.resetPassword": "Đặt lại mật khẩu",
  "user.activate": "Mở khóa tài khoản",
  "user.deactivate": "Khóa tài khoản",
  "user.update": "Sửa tài khoản (họ tên, đơn vị, vai trò)",
  "notification.markRead": "Đánh dấu thông báo đã đọc",
  "notification.markAllRead": "Đánh dấu tất cả thông báo đã đọc",
  "notifications.purge": "Xóa thông báo quá 1 năm",
};

/** Every audited action with its label, for the audit trail's filter. */
export function auditActionOptions(): { value: string; label: string }[] {
  return Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));
}

/** What an audit entry is about, as the audit trail's filter names it. */
export const auditEntityLabels: Record<string, string> = {
  Plan: "Kế hoạch",
  Task: "Nhiệm vụ",
  Indicator: "Chỉ tiêu",
  IndicatorActual: "Kết quả chỉ tiêu",
  TaskProgress: "Tiến độ nhiệm vụ",
  Report: "Báo cáo",
  User: "Tài khoản",
  Organization: "Cơ quan",
  Notification: "Thông báo",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
