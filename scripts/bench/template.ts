// The indicator list every synthetic plan of the bench carries: nine groups of ten, modelled on the
// 42-NQ/TW plans in the seeds (groups, wording, units, kinds of target). Every province's plan has
// them; every commune's plan inherits them (derivedFromId), mostly with the same targets, some
// weaker and some stronger.

export type Direction = "HIGHER_BETTER" | "LOWER_BETTER" | "WITHIN_RANGE" | "QUALITATIVE";
export type Kind = "EXACT" | "AT_LEAST" | "ABOVE" | "BELOW" | "RANGE" | "APPROXIMATELY" | "QUALITATIVE";

export type TemplateRow = {
  group: number;
  /** 0 for the group row itself. */
  item: number;
  code: string;
  name: string;
  unit: string | null;
  direction: Direction;
  kind: Kind;
  /** Baseline (2023) and the targets for 2025 and 2030; for RANGE the band is value ± spread. */
  baseline: number;
  target2025: number;
  target2030: number;
  spread: number;
  isPercent: boolean;
};

const GROUPS: [string, string[]][] = [
  [
    "Người có công",
    [
      "Tỷ lệ hộ gia đình người có công có mức sống bằng hoặc cao hơn mức sống trung bình của dân cư nơi cư trú",
      "Tỷ lệ người có công được chăm sóc sức khỏe ban đầu",
      "Tỷ lệ hồ sơ người có công tồn đọng được giải quyết",
      "Tỷ lệ nghĩa trang liệt sĩ được tu bổ, nâng cấp",
      "Số nhà tình nghĩa được xây mới, sửa chữa",
      "Tỷ lệ thân nhân liệt sĩ được hưởng trợ cấp đúng quy định",
      "Tuổi thọ trung bình của người có công",
      "Tỷ lệ hộ người có công thuộc diện hộ nghèo",
      "Mức chuẩn trợ cấp ưu đãi so với mức chuẩn nghèo",
      "Chăm sóc người có công tại cộng đồng",
    ],
  ],
  [
    "Lao động, việc làm",
    [
      "Tỷ lệ lao động qua đào tạo",
      "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
      "Tỷ lệ lao động làm việc trong khu vực công nghiệp, dịch vụ",
      "Tỷ lệ lao động nông thôn được hỗ trợ đào tạo nghề",
      "Số lao động được tạo việc làm mới",
      "Tỷ lệ người lao động có hợp đồng lao động",
      "Thu nhập bình quân của người lao động",
      "Tỷ lệ thất nghiệp khu vực thành thị",
      "Tốc độ tăng năng suất lao động bình quân",
      "Thị trường lao động linh hoạt, hiện đại",
    ],
  ],
  [
    "Bảo hiểm xã hội",
    [
      "Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội",
      "Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm thất nghiệp",
      "Tỷ lệ người sau độ tuổi nghỉ hưu được hưởng lương hưu, trợ cấp bảo hiểm xã hội hằng tháng",
      "Tỷ lệ lao động phi chính thức tham gia bảo hiểm xã hội tự nguyện",
      "Số người tham gia bảo hiểm xã hội tự nguyện",
      "Tỷ lệ doanh nghiệp đóng bảo hiểm xã hội đầy đủ, đúng hạn",
      "Tỷ lệ hài lòng của người tham gia bảo hiểm xã hội",
      "Tỷ lệ nợ đóng bảo hiểm xã hội",
      "Tốc độ tăng số người tham gia bảo hiểm xã hội",
      "Giao dịch điện tử bảo hiểm xã hội",
    ],
  ],
  [
    "Trợ giúp xã hội",
    [
      "Tỷ lệ hộ gia đình chăm sóc trẻ em dưới 36 tháng tuổi, phụ nữ mang thai được hỗ trợ",
      "Tỷ lệ đối tượng bảo trợ xã hội được hưởng trợ cấp hằng tháng",
      "Tỷ lệ người cao tuổi được hưởng trợ cấp xã hội",
      "Tỷ lệ người khuyết tật được trợ giúp xã hội",
      "Số người được trợ giúp đột xuất",
      "Tỷ lệ trẻ em có hoàn cảnh đặc biệt được trợ giúp",
      "Tỷ lệ xã có cơ sở trợ giúp xã hội",
      "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
      "Mức giảm tỷ lệ hộ nghèo bình quân hằng năm",
      "Mức sống tối thiểu cho người có hoàn cảnh khó khăn",
    ],
  ],
  [
    "Giáo dục",
    [
      "Tỷ lệ đi học đúng độ tuổi cấp tiểu học",
      "Tỷ lệ đi học đúng độ tuổi cấp trung học cơ sở",
      "Tỷ lệ đi học đúng độ tuổi cấp trung học phổ thông và tương đương",
      "Tỷ lệ trường đạt chuẩn quốc gia",
      "Số phòng học được kiên cố hóa",
      "Tỷ lệ trẻ em mẫu giáo được học 2 buổi/ngày",
      "Tỷ lệ giáo viên đạt chuẩn trình độ đào tạo",
      "Tỷ lệ học sinh bỏ học",
      "Tỷ số học sinh trên giáo viên",
      "Phổ cập giáo dục mầm non cho trẻ 5 tuổi",
    ],
  ],
  [
    "Dân số, y tế",
    [
      "Tỷ lệ bao phủ bảo hiểm y tế",
      "Tỷ lệ người dân sử dụng dịch vụ chăm sóc ban đầu tại y tế cơ sở",
      "Tỷ lệ dân số được quản lý sức khỏe",
      "Tỉ lệ tiêm chủng mở rộng",
      "Số giường bệnh/10.000 dân",
      "Tỷ lệ trạm y tế xã có bác sĩ",
      "Tuổi thọ trung bình của người dân",
      "Tỉ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi",
      "Mức sinh (số con trung bình của một phụ nữ)",
      "Dịch bệnh AIDS, lao",
    ],
  ],
  [
    "Nhà ở",
    [
      "Tỷ lệ hộ nghèo, cận nghèo được hỗ trợ nhà ở",
      "Tỷ lệ nhà ở kiên cố",
      "Tỷ lệ nhà ở đô thị có hồ sơ hoàn công",
      "Tỷ lệ hộ gia đình có nhà ở an toàn trước thiên tai",
      "Số căn nhà ở xã hội hoàn thành",
      "Tỷ lệ người lao động khu công nghiệp có chỗ ở phù hợp",
      "Diện tích sàn nhà ở bình quân đầu người",
      "Tỷ lệ nhà tạm, nhà dột nát",
      "Tỷ lệ tăng diện tích nhà ở hằng năm",
      "Tình trạng nhà tạm, nhà dột nát cho hộ nghèo",
    ],
  ],
  [
    "Nước sạch và vệ sinh môi trường",
    [
      "Tỷ lệ hộ gia đình ở thành thị được sử dụng nước sạch theo quy chuẩn",
      "Tỷ lệ hộ gia đình ở nông thôn được sử dụng nước sạch theo quy chuẩn",
      "Tỷ lệ hộ gia đình, trường học, trạm y tế có công trình phụ hợp vệ sinh",
      "Tỷ lệ điểm dân cư nông thôn tập trung có hệ thống thu gom nước thải",
      "Số công trình cấp nước tập trung được nâng cấp",
      "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý",
      "Tỷ lệ nước thải sinh hoạt được xử lý",
      "Tỷ lệ thất thoát nước sạch",
      "Lượng nước sạch bình quân đầu người",
      "Bảo đảm an ninh nguồn nước",
    ],
  ],
  [
    "Văn hoá, thông tin",
    [
      "Tỷ lệ người dân ở vùng sâu, vùng xa, biên giới được hưởng thụ văn hóa",
      "Tỷ lệ xã vùng đồng bào dân tộc thiểu số có nhà văn hóa",
      "Tỷ lệ thôn, bản có điểm sinh hoạt văn hóa",
      "Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa",
      "Số di tích được tu bổ, tôn tạo",
      "Tỷ lệ hộ gia đình được phủ sóng truyền hình, phát thanh",
      "Tỷ lệ dân số sử dụng Internet",
      "Tỷ lệ xã chưa có đài truyền thanh",
      "Tỷ lệ thời lượng phát sóng tiếng dân tộc",
      "Bảo tồn, phát huy giá trị văn hóa các dân tộc",
    ],
  ],
];

type Spec = Pick<
  TemplateRow,
  "direction" | "kind" | "baseline" | "target2025" | "target2030" | "spread" | "isPercent"
> & { unit: string | null };

/** The kind of each of the ten indicators in a group: mostly "higher is better" percentages, one count, one approximate value, one ceiling, one band, one qualitative. */
const SPECS: Spec[] = [
  {
    direction: "HIGHER_BETTER",
    kind: "EXACT",
    baseline: 80,
    target2025: 86,
    target2030: 95,
    spread: 0,
    isPercent: true,
    unit: "%",
  },
  {
    direction: "HIGHER_BETTER",
    kind: "AT_LEAST",
    baseline: 60,
    target2025: 68,
    target2030: 80,
    spread: 0,
    isPercent: true,
    unit: "%",
  },
  {
    direction: "HIGHER_BETTER",
    kind: "EXACT",
    baseline: 40,
    target2025: 45,
    target2030: 55,
    spread: 0,
    isPercent: true,
    unit: "%",
  },
  {
    direction: "HIGHER_BETTER",
    kind: "ABOVE",
    baseline: 85,
    target2025: 90,
    target2030: 95,
    spread: 0,
    isPercent: true,
    unit: "%",
  },
  {
    direction: "HIGHER_BETTER",
    kind: "EXACT",
    baseline: 20,
    target2025: 24,
    target2030: 32,
    spread: 0,
    isPercent: false,
    unit: "người",
  },
  {
    direction: "HIGHER_BETTER",
    kind: "AT_LEAST",
    baseline: 70,
    target2025: 76,
    target2030: 85,
    spread: 0,
    isPercent: true,
    unit: "%",
  },
  {
    direction: "HIGHER_BETTER",
    kind: "APPROXIMATELY",
    baseline: 70,
    target2025: 72,
    target2030: 75,
    spread: 0,
    isPercent: false,
    unit: "tuổi",
  },
  {
    direction: "LOWER_BETTER",
    kind: "BELOW",
    baseline: 10,
    target2025: 8,
    target2030: 5,
    spread: 0,
    isPercent: true,
    unit: "%",
  },
  {
    direction: "WITHIN_RANGE",
    kind: "RANGE",
    baseline: 1.5,
    target2025: 2.2,
    target2030: 2.2,
    spread: 0.2,
    isPercent: false,
    unit: null,
  },
  {
    direction: "QUALITATIVE",
    kind: "QUALITATIVE",
    baseline: 0,
    target2025: 0,
    target2030: 0,
    spread: 0,
    isPercent: false,
    unit: null,
  },
];

export function indicatorTemplate(): TemplateRow[] {
  const rows: TemplateRow[] = [];
  GROUPS.forEach(([groupName, names], g) => {
    const group = g + 1;
    rows.push({
      group,
      item: 0,
      code: String(group),
      name: groupName,
      unit: null,
      direction: "HIGHER_BETTER",
      kind: "EXACT",
      baseline: 0,
      target2025: 0,
      target2030: 0,
      spread: 0,
      isPercent: false,
    });
    names.forEach((name, i) => {
      const spec = SPECS[i]!;
      rows.push({ group, item: i + 1, code: `${group}.${i + 1}`, name, ...spec });
    });
  });
  return rows;
}
