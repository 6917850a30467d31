// Vietnamese labels for the enums users see.

export const trackLabels = { PARTY: "Đảng", STATE: "Chính quyền", OTHER: "Khác" } as const;
export const levelLabels = { CENTRAL: "Trung ương", PROVINCE: "Cấp tỉnh", DISTRICT: "Cấp huyện (trước 1/7/2025)", COMMUNE: "Cấp xã" } as const;
export const planStatusLabels = { DRAFT: "Dự thảo", ISSUED: "Đã ban hành", SUPERSEDED: "Đã được thay thế" } as const;
export const assignmentRoleLabels = { LEAD: "Chủ trì", COORDINATING: "Phối hợp", DIRECTING: "Chỉ đạo", ADVISING: "Tham mưu, thực hiện" } as const;
export const roleLabels = { VIEWER: "Xem", EDITOR: "Nhập liệu", APPROVER: "Lãnh đạo duyệt", ADMIN: "Quản trị đơn vị" } as const;
export const directionLabels = { HIGHER_BETTER: "Càng cao càng tốt", LOWER_BETTER: "Càng thấp càng tốt", WITHIN_RANGE: "Trong khoảng", QUALITATIVE: "Định tính" } as const;
