import { describe, expect, it } from "vitest";
import { describeTarget, formatTarget, parseTarget, type Target, type TargetKind } from "./target-notation";

function read(text: string): Target {
  const result = parseTarget(text);
  if (!result.ok) throw new Error(`parseTarget(${JSON.stringify(text)}) failed: ${result.error}`);
  return result.target;
}

function errorOf(text: string): string {
  const result = parseTarget(text);
  if (result.ok) throw new Error(`parseTarget(${JSON.stringify(text)}) unexpectedly read ${result.target.kind}`);
  return result.error;
}

/** What must survive parse(format(t)): everything but the original text. */
function meaning(t: Target) {
  return {
    kind: t.kind,
    lower: t.lower,
    upper: t.upper,
    isPercent: t.isPercent,
    unit: t.unit,
    qualitative: t.qualitative,
  };
}

function expectRoundTrip(t: Target) {
  const again = read(formatTarget(t));
  expect(meaning(again)).toEqual(meaning(t));
}

// Every target cell of the Ea Súp appendix ("Phụ lục CÁC MỤC TIÊU CỤ THỂ", UBND huyện Ea Súp, 2024):
// TT, indicator (shortened), column, cell as written, expected kind, lower, upper.
// Sub-rows written "-" in the TT column are shown as "<parent> –". Group headers are left out.
type Row = [string, string, "2025" | "2030", string, TargetKind, number | null, number | null];
const EA_SUP_CELLS: Row[] = [
  ["1.1", "Tỉ lệ người có công và gia đình có mức sống từ trung bình…", "2025", "-", "NONE", null, null],
  ["1.1", "Tỉ lệ người có công và gia đình có mức sống từ trung bình…", "2030", "100", "EXACT", 100, 100],
  ["2.1", "Tỉ lệ thất nghiệp chung", "2025", "<4", "BELOW", null, 4],
  ["2.1", "Tỉ lệ thất nghiệp chung", "2030", "2-2,5", "RANGE", 2, 2.5],
  ["2.2", "Tỉ lệ thất nghiệp khu vực thành thị", "2025", "", "NONE", null, null],
  ["2.2", "Tỉ lệ thất nghiệp khu vực thành thị", "2030", "", "NONE", null, null],
  ["2.3", "Tỉ lệ việc làm phi chính thức", "2025", "<70", "BELOW", null, 70],
  ["2.3", "Tỉ lệ việc làm phi chính thức", "2030", "<60", "BELOW", null, 60],
  ["2.4", "Tỉ lệ lao động nông nghiệp trong tổng lao", "2025", "85", "EXACT", 85, 85],
  ["2.4", "Tỉ lệ lao động nông nghiệp trong tổng lao", "2030", "80", "EXACT", 80, 80],
  ["2.5", "Tỉ lệ lao động nữ làm công hưởng lương", "2025", "20", "EXACT", 20, 20],
  ["2.5", "Tỉ lệ lao động nữ làm công hưởng lương", "2030", "25", "EXACT", 25, 25],
  ["2.6", "Tỉ lệ lao động là người khuyết tật còn khả năng lao động…", "2025", "20", "EXACT", 20, 20],
  ["2.6", "Tỉ lệ lao động là người khuyết tật còn khả năng lao động…", "2030", "25", "EXACT", 25, 25],
  ["3.1", "Chỉ số HDI", "2025", "", "NONE", null, null],
  ["3.1", "Chỉ số HDI", "2030", "", "NONE", null, null],
  ["3.2", "Tỉ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "2025", "11", "EXACT", 11, 11],
  ["3.2", "Tỉ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "2030", "15", "EXACT", 15, 15],
  ["3.3", "Tỉ lệ lao động có các kỹ năng công nghệ thông tin", "2025", "25", "EXACT", 25, 25],
  ["3.3", "Tỉ lệ lao động có các kỹ năng công nghệ thông tin", "2030", "30", "EXACT", 30, 30],
  ["3.4", "Tỉ lệ lao động là người khuyết tật còn khả năng lao động…", "2025", "15", "EXACT", 15, 15],
  ["3.4", "Tỉ lệ lao động là người khuyết tật còn khả năng lao động…", "2030", "20", "EXACT", 20, 20],
  ["3.5", "Tỉ lệ nữ học viên, học sinh, sinh viên được tuyển mới thu…", "2025", "", "NONE", null, null],
  ["3.5", "Tỉ lệ nữ học viên, học sinh, sinh viên được tuyển mới thu…", "2030", "", "NONE", null, null],
  ["4.1", "Tỉ lệ LLLĐ trong độ tuổi tham gia BHXH", "2025", "45", "EXACT", 45, 45],
  ["4.1", "Tỉ lệ LLLĐ trong độ tuổi tham gia BHXH", "2030", "60", "EXACT", 60, 60],
  ["4.2", "Tỉ lệ nông dân và lao động khu vực phi chính thức tham gi…", "2025", "2,5", "EXACT", 2.5, 2.5],
  ["4.2", "Tỉ lệ nông dân và lao động khu vực phi chính thức tham gi…", "2030", "5", "EXACT", 5, 5],
  ["4.3", "Tỉ lệ người sau độ tuổi nghỉ hưu được hưởng lương hưu, BH…", "2025", "45", "EXACT", 45, 45],
  ["4.3", "Tỉ lệ người sau độ tuổi nghỉ hưu được hưởng lương hưu, BH…", "2030", "50", "EXACT", 50, 50],
  ["4.4", "Chỉ số đánh giá mức độ hài lòng của người tham gia BHXH", "2025", "93", "EXACT", 93, 93],
  ["4.4", "Chỉ số đánh giá mức độ hài lòng của người tham gia BHXH", "2030", "95", "EXACT", 95, 95],
  ["4.5", "Tỉ lệ LLLĐ trong độ tuổi tham gia BHTN", "2025", "35", "EXACT", 35, 35],
  ["4.5", "Tỉ lệ LLLĐ trong độ tuổi tham gia BHTN", "2030", "45", "EXACT", 45, 45],
  ["4.6", "Tỉ lệ dân số tham gia bảo hiểm y tế", "2025", "100", "EXACT", 100, 100],
  ["4.6", "Tỉ lệ dân số tham gia bảo hiểm y tế", "2030", "100", "EXACT", 100, 100],
  ["4.7", "Tỉ lệ đồng bào dân tộc thiểu số tham gia BHYT", "2025", "98", "EXACT", 98, 98],
  ["4.7", "Tỉ lệ đồng bào dân tộc thiểu số tham gia BHYT", "2030", "-", "NONE", null, null],
  ["4.8", "Hỗ trợ bảo hiểm y tế cho trẻ em", "2025", "Tiểu học", "QUALITATIVE", null, null],
  ["4.8", "Hỗ trợ bảo hiểm y tế cho trẻ em", "2030", "THCS", "QUALITATIVE", null, null],
  ["4.9", "Tỉ lệ hài lòng của người dân với dịch vụ y tế", "2025", "", "NONE", null, null],
  ["4.9", "Tỉ lệ hài lòng của người dân với dịch vụ y tế", "2030", "", "NONE", null, null],
  ["4.10", "Tỉ lệ lao động là người khuyết tật có giấy xác nhận khuyế…", "2025", "90", "EXACT", 90, 90],
  ["4.10", "Tỉ lệ lao động là người khuyết tật có giấy xác nhận khuyế…", "2030", "95", "EXACT", 95, 95],
  ["4.11", "Tỉ lệ người cao tuổi tham gia bảo hiểm y tế", "2025", "100", "EXACT", 100, 100],
  ["4.11", "Tỉ lệ người cao tuổi tham gia bảo hiểm y tế", "2030", "100", "EXACT", 100, 100],
  ["5.1", "Tỉ lệ dân số được hưởng trợ cấp xã hội hàng tháng tại cộn…", "2025", "5", "EXACT", 5, 5],
  ["5.1", "Tỉ lệ dân số được hưởng trợ cấp xã hội hàng tháng tại cộn…", "2030", "5,5", "EXACT", 5.5, 5.5],
  ["5.2", "Tỉ lệ đối tượng gặp khó khăn đột xuất được trợ giúp kịp thời", "2025", "100", "EXACT", 100, 100],
  ["5.2", "Tỉ lệ đối tượng gặp khó khăn đột xuất được trợ giúp kịp thời", "2030", "100", "EXACT", 100, 100],
  ["5.3", "Tỉ lệ hộ gia đình chăm sóc trẻ em dưới 36 tháng tuổi, thu…", "2025", "-", "NONE", null, null],
  ["5.3", "Tỉ lệ hộ gia đình chăm sóc trẻ em dưới 36 tháng tuổi, thu…", "2030", "100", "EXACT", 100, 100],
  ["5.4", "Tỉ lệ phụ nữ mang thai thuộc hộ nghèo, cận nghèo được hưở…", "2025", "-", "NONE", null, null],
  ["5.4", "Tỉ lệ phụ nữ mang thai thuộc hộ nghèo, cận nghèo được hưở…", "2030", "100", "EXACT", 100, 100],
  ["5.5", "Tỉ lệ người cao tuổi thuộc hộ nghèo, cận nghèo được hưởng…", "2025", "-", "NONE", null, null],
  ["5.5", "Tỉ lệ người cao tuổi thuộc hộ nghèo, cận nghèo được hưởng…", "2030", "100", "EXACT", 100, 100],
  ["5.6", "Tỉ lệ người có hoàn cảnh khó khăn, người có thu nhập thấp…", "2025", "-", "NONE", null, null],
  ["5.6", "Tỉ lệ người có hoàn cảnh khó khăn, người có thu nhập thấp…", "2030", "100", "EXACT", 100, 100],
  ["5.7", "Tỉ lệ hộ nghèo không có khả năng thoát nghèo được hưởng t…", "2025", "-", "NONE", null, null],
  ["5.7", "Tỉ lệ hộ nghèo không có khả năng thoát nghèo được hưởng t…", "2030", "100", "EXACT", 100, 100],
  ["5.8", "Tỉ lệ trẻ em có hoàn cảnh đặc biệt được chăm sóc, nuôi dư…", "2025", "90", "EXACT", 90, 90],
  ["5.8", "Tỉ lệ trẻ em có hoàn cảnh đặc biệt được chăm sóc, nuôi dư…", "2030", "95", "EXACT", 95, 95],
  ["5.9", "Tỉ lệ người nghèo, người có công với cách mạng, đối tượng…", "2025", "-", "NONE", null, null],
  ["5.9", "Tỉ lệ người nghèo, người có công với cách mạng, đối tượng…", "2030", "90", "EXACT", 90, 90],
  ["5.10", "Mức giảm tỉ lệ hộ nghèo đa chiều hàng năm", "2025", "4", "EXACT", 4, 4],
  ["5.10", "Mức giảm tỉ lệ hộ nghèo đa chiều hàng năm", "2030", "4", "EXACT", 4, 4],
  ["5.11", "Huyện nghèo", "2025", "", "NONE", null, null],
  ["5.11", "Huyện nghèo", "2030", "", "NONE", null, null],
  ["5.12", "Mức giảm tỉ lệ hộ nghèo dân tộc thiểu số", "2025", "5,5", "EXACT", 5.5, 5.5],
  ["5.12", "Mức giảm tỉ lệ hộ nghèo dân tộc thiểu số", "2030", "5,5", "EXACT", 5.5, 5.5],
  ["5.13", "Xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo…", "2025", "", "NONE", null, null],
  ["5.13", "Xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo…", "2030", "", "NONE", null, null],
  ["5.14", "Mức tăng thu nhập bình quân đầu người của hộ nghèo so với…", "2025", "1,5", "EXACT", 1.5, 1.5],
  ["5.14", "Mức tăng thu nhập bình quân đầu người của hộ nghèo so với…", "2030", "-", "NONE", null, null],
  ["5.15", "Tỉ lệ người bị bạo lực gia đình, bạo lực trên cơ sở giới…", "2025", "70", "EXACT", 70, 70],
  ["5.15", "Tỉ lệ người bị bạo lực gia đình, bạo lực trên cơ sở giới…", "2030", "80", "EXACT", 80, 80],
  ["5.16", "Tỉ lệ người gây bạo lực gia đình, bạo lực trên cơ sở giới…", "2025", "50", "EXACT", 50, 50],
  ["5.16", "Tỉ lệ người gây bạo lực gia đình, bạo lực trên cơ sở giới…", "2030", "60", "EXACT", 60, 60],
  ["5.17", "Tỉ lệ cơ sở trợ giúp xã hội công lập triển khai các hoạt…", "2025", "0", "EXACT", 0, 0],
  ["5.17", "Tỉ lệ cơ sở trợ giúp xã hội công lập triển khai các hoạt…", "2030", "0", "EXACT", 0, 0],
  ["5.18", "Tỉ lệ đối tượng gặp khó khăn đột xuất do thiên tai, dịch…", "2025", "100", "EXACT", 100, 100],
  ["5.18", "Tỉ lệ đối tượng gặp khó khăn đột xuất do thiên tai, dịch…", "2030", "100", "EXACT", 100, 100],
  ["5.19", "Tỉ lệ người dân có nhu cầu được cung cấp dịch vụ trợ giúp…", "2025", "50", "EXACT", 50, 50],
  ["5.19", "Tỉ lệ người dân có nhu cầu được cung cấp dịch vụ trợ giúp…", "2030", "60", "EXACT", 60, 60],
  ["5.20", "Tỉ lệ người cao tuổi có nhu cầu và khả năng lao động có v…", "2025", "50", "EXACT", 50, 50],
  ["5.20", "Tỉ lệ người cao tuổi có nhu cầu và khả năng lao động có v…", "2030", "60", "EXACT", 60, 60],
  ["5.21", "Số người làm công tác xã hội/1000 dân", "2025", "-", "NONE", null, null],
  ["5.21", "Số người làm công tác xã hội/1000 dân", "2030", "≥1", "AT_LEAST", 1, null],
  ["6.1", "Tỉ lệ số tỉnh hoàn thành phổ cập giáo dục mầm non cho trẻ…", "2025", "-", "NONE", null, null],
  ["6.1", "Tỉ lệ số tỉnh hoàn thành phổ cập giáo dục mầm non cho trẻ…", "2030", "100", "EXACT", 100, 100],
  ["6.2", "Tỉ lệ huy động trẻ em nhà trẻ", "2025", "30 - 35", "RANGE", 30, 35],
  ["6.2", "Tỉ lệ huy động trẻ em nhà trẻ", "2030", "35 - 40", "RANGE", 35, 40],
  ["6.3", "Tỉ lệ huy động trẻ em mẫu giáo", "2025", "95", "EXACT", 95, 95],
  ["6.3", "Tỉ lệ huy động trẻ em mẫu giáo", "2030", "95 - 97", "RANGE", 95, 97],
  ["6.4", "Tỉ lệ trẻ em mầm non được học 2 buổi/ngày", "2025", "100", "EXACT", 100, 100],
  ["6.4", "Tỉ lệ trẻ em mầm non được học 2 buổi/ngày", "2030", "100", "EXACT", 100, 100],
  ["6.5", "Tỉ lệ trường mầm non đạt chuẩn quốc gia", "2025", "62,5", "EXACT", 62.5, 62.5],
  ["6.5", "Tỉ lệ trường mầm non đạt chuẩn quốc gia", "2030", ">70", "ABOVE", 70, null],
  ["6.6", "Tỉ lệ đi học đúng tuổi cấp tiểu học", "2025", "99,5", "EXACT", 99.5, 99.5],
  ["6.6", "Tỉ lệ đi học đúng tuổi cấp tiểu học", "2030", "99,6", "EXACT", 99.6, 99.6],
  ["6.7", "Tỉ lệ đi học đúng tuổi cấp trung học cơ sở", "2025", "93", "EXACT", 93, 93],
  ["6.7", "Tỉ lệ đi học đúng tuổi cấp trung học cơ sở", "2030", "95", "EXACT", 95, 95],
  ["6.8", "Tỉ lệ đi học đúng tuổi cấp trung học phổ thông và tương đ…", "2025", "", "NONE", null, null],
  ["6.8", "Tỉ lệ đi học đúng tuổi cấp trung học phổ thông và tương đ…", "2030", "", "NONE", null, null],
  ["6.9", "Tỉ lệ đạt chuẩn xóa mù chữ mức độ 2", "2025", "91", "EXACT", 91, 91],
  ["6.9", "Tỉ lệ đạt chuẩn xóa mù chữ mức độ 2", "2030", "92", "EXACT", 92, 92],
  ["6.10", "Tỉ lệ hoàn thành cấp tiểu học", "2025", "99,3", "EXACT", 99.3, 99.3],
  ["6.10", "Tỉ lệ hoàn thành cấp tiểu học", "2030", "99,6", "EXACT", 99.6, 99.6],
  ["6.11", "Tỉ lệ hoàn thành cấp trung học cơ sở", "2025", "99,5", "EXACT", 99.5, 99.5],
  ["6.11", "Tỉ lệ hoàn thành cấp trung học cơ sở", "2030", "99,8", "EXACT", 99.8, 99.8],
  ["6.12", "Tỉ lệ hoàn thành cấp trung học phổ thông", "2025", "-", "NONE", null, null],
  ["6.12", "Tỉ lệ hoàn thành cấp trung học phổ thông", "2030", "97", "EXACT", 97, 97],
  ["6.13", "Tỉ lệ trẻ khuyết tật ở độ tuổi mầm non và phổ thông được…", "2025", "93", "EXACT", 93, 93],
  ["6.13", "Tỉ lệ trẻ khuyết tật ở độ tuổi mầm non và phổ thông được…", "2030", "95", "EXACT", 95, 95],
  ["7.1", "Mức sinh thay thế (Quốc gia)", "2025", "Chưa đảm bảo", "QUALITATIVE", null, null],
  ["7.1", "Mức sinh thay thế (Quốc gia)", "2030", "Đảm bảo vững", "QUALITATIVE", null, null],
  ["7.2", "Tuổi thọ trung bình", "2025", "73,8", "EXACT", 73.8, 73.8],
  ["7.2", "Tuổi thọ trung bình", "2030", "74", "EXACT", 74, 74],
  ["7.3", "Số năm sống khỏe", "2025", "-", "NONE", null, null],
  ["7.3", "Số năm sống khỏe", "2030", "-", "NONE", null, null],
  ["7.4", "Chỉ tiêu số lượng trên 10.000 dân", "2025", "", "NONE", null, null],
  ["7.4", "Chỉ tiêu số lượng trên 10.000 dân", "2030", "", "NONE", null, null],
  ["7.4 –", "Số giường bệnh", "2025", "15,7", "EXACT", 15.7, 15.7],
  ["7.4 –", "Số giường bệnh", "2030", "18", "EXACT", 18, 18],
  ["7.4 –", "Số bác sỹ", "2025", "5,60", "EXACT", 5.6, 5.6],
  ["7.4 –", "Số bác sỹ", "2030", "6,70", "EXACT", 6.7, 6.7],
  ["7.4 –", "Số dược sỹ", "2025", "1,6", "EXACT", 1.6, 1.6],
  ["7.4 –", "Số dược sỹ", "2030", "2,2", "EXACT", 2.2, 2.2],
  ["7.4 –", "Số điều dưỡng viên", "2025", "8,27", "EXACT", 8.27, 8.27],
  ["7.4 –", "Số điều dưỡng viên", "2030", "9,66", "EXACT", 9.66, 9.66],
  ["7.5", "Tỉ lệ người dân sử dụng dịch vụ chăm sóc ban đầu tại y tế…", "2025", ">90", "ABOVE", 90, null],
  ["7.5", "Tỉ lệ người dân sử dụng dịch vụ chăm sóc ban đầu tại y tế…", "2030", ">90", "ABOVE", 90, null],
  ["7.6", "Tỉ lệ người dân được quản lý sức khỏe", "2025", ">90", "ABOVE", 90, null],
  ["7.6", "Tỉ lệ người dân được quản lý sức khỏe", "2030", ">90", "ABOVE", 90, null],
  ["7.7", "Tỉ lệ phụ nữ có thai được khám thai định kỳ, sinh con ở c…", "2025", "95", "EXACT", 95, 95],
  ["7.7", "Tỉ lệ phụ nữ có thai được khám thai định kỳ, sinh con ở c…", "2030", "95", "EXACT", 95, 95],
  ["7.8", "Tỉ lệ tiêm chủng mở rộng với 14 loại vắc xin", "2025", "90", "EXACT", 90, 90],
  ["7.8", "Tỉ lệ tiêm chủng mở rộng với 14 loại vắc xin", "2030", "90", "EXACT", 90, 90],
  ["7.9", "Tỉ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi", "2025", "25,8", "EXACT", 25.8, 25.8],
  ["7.9", "Tỉ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi", "2030", "24,6", "EXACT", 24.6, 24.6],
  ["7.10", "Chấm dứt các dịch bệnh AIDS, lao và loại trừ sốt rét", "2025", "Giải quyết", "QUALITATIVE", null, null],
  ["7.10", "Chấm dứt các dịch bệnh AIDS, lao và loại trừ sốt rét", "2030", "Giải quyết", "QUALITATIVE", null, null],
  ["7.11", "Tỉ lệ người khuyết tật tiếp cận các dịch vụ y tế", "2025", "", "NONE", null, null],
  ["7.11", "Tỉ lệ người khuyết tật tiếp cận các dịch vụ y tế", "2030", "", "NONE", null, null],
  ["7.12", "Tỉ lệ trẻ sơ sinh đến 6 tuổi được sàng lọc phát hiện, can…", "2025", "35", "EXACT", 35, 35],
  ["7.12", "Tỉ lệ trẻ sơ sinh đến 6 tuổi được sàng lọc phát hiện, can…", "2030", "50", "EXACT", 50, 50],
  ["7.13", "Tỉ lệ người cao tuổi được chăm sóc sức khỏe ban đầu kịp t…", "2025", "65", "EXACT", 65, 65],
  ["7.13", "Tỉ lệ người cao tuổi được chăm sóc sức khỏe ban đầu kịp t…", "2030", "90", "EXACT", 90, 90],
  ["7.14", "Tỉ lệ người cao tuổi khi ốm đau, dịch bệnh được khám chữa…", "2025", "90", "EXACT", 90, 90],
  ["7.14", "Tỉ lệ người cao tuổi khi ốm đau, dịch bệnh được khám chữa…", "2030", "100", "EXACT", 100, 100],
  ["8.1", "Tỉ lệ người dân được xem các kênh phát thanh, kênh truyền…", "2025", "", "NONE", null, null],
  ["8.1", "Tỉ lệ người dân được xem các kênh phát thanh, kênh truyền…", "2030", "", "NONE", null, null],
  ["8.1 –", "Vùng sâu, vùng xa, biên giới, hải đảo", "2025", "60", "EXACT", 60, 60],
  ["8.1 –", "Vùng sâu, vùng xa, biên giới, hải đảo", "2030", "60", "EXACT", 60, 60],
  ["8.1 –", "Các vùng còn lại", "2025", "80", "EXACT", 80, 80],
  ["8.1 –", "Các vùng còn lại", "2030", "80", "EXACT", 80, 80],
  ["8.2", "Tỉ lệ các chương trình thời sự và bản tin phát sóng truyề…", "2025", "40", "EXACT", 40, 40],
  ["8.2", "Tỉ lệ các chương trình thời sự và bản tin phát sóng truyề…", "2030", "70", "EXACT", 70, 70],
  ["8.3", "Tỉ lệ dân số được phủ sóng di động", "2025", "100", "EXACT", 100, 100],
  ["8.3", "Tỉ lệ dân số được phủ sóng di động", "2030", "100", "EXACT", 100, 100],
  ["8.4", "Tỉ lệ xã có điều kiện kinh tế - xã hội đặc biệt khó khăn,…", "2025", "100", "EXACT", 100, 100],
  ["8.4", "Tỉ lệ xã có điều kiện kinh tế - xã hội đặc biệt khó khăn,…", "2030", "100", "EXACT", 100, 100],
  ["8.5", "Tỉ lệ xã có điều kiện kinh tế - xã hội đặc biệt khó khăn…", "2025", "100", "EXACT", 100, 100],
  ["8.5", "Tỉ lệ xã có điều kiện kinh tế - xã hội đặc biệt khó khăn…", "2030", "100", "EXACT", 100, 100],
  ["8.6", "Tỉ lệ xã được cung cấp dịch vụ viễn thông phổ cập", "2025", "100", "EXACT", 100, 100],
  ["8.6", "Tỉ lệ xã được cung cấp dịch vụ viễn thông phổ cập", "2030", "100", "EXACT", 100, 100],
  ["8.7", "Tỉ lệ xã đạt chuẩn tiêu chí số về thông tin và truyền thô…", "2025", "", "NONE", null, null],
  ["8.7", "Tỉ lệ xã đạt chuẩn tiêu chí số về thông tin và truyền thô…", "2030", "", "NONE", null, null],
  ["9.1", "Xây dựng căn hộ nhà ở xã hội cho người thu nhập thấp, côn…", "2025", "", "NONE", null, null],
  ["9.1", "Xây dựng căn hộ nhà ở xã hội cho người thu nhập thấp, côn…", "2030", "", "NONE", null, null],
  [
    "9.2",
    "Xóa bỏ tình trạng nhà tạm, nhà dột nát cho các đối tượng",
    "2025",
    "Giải quyết cơ bản",
    "QUALITATIVE",
    null,
    null,
  ],
  [
    "9.2",
    "Xóa bỏ tình trạng nhà tạm, nhà dột nát cho các đối tượng",
    "2030",
    "Giải quyết cơ bản",
    "QUALITATIVE",
    null,
    null,
  ],
  ["9.3", "Diện tích nhà ở bình quân đầu người", "2025", "-", "NONE", null, null],
  ["9.3", "Diện tích nhà ở bình quân đầu người", "2030", "20,5", "EXACT", 20.5, 20.5],
  ["9.3 –", "Thành thị", "2025", "-", "NONE", null, null],
  ["9.3 –", "Thành thị", "2030", "20,5", "EXACT", 20.5, 20.5],
  ["9.3 –", "Nông thôn", "2025", "-", "NONE", null, null],
  ["9.3 –", "Nông thôn", "2030", "20,5", "EXACT", 20.5, 20.5],
  ["9.4", "Tỉ lệ nhà ở kiên cố", "2025", "-", "NONE", null, null],
  ["9.4", "Tỉ lệ nhà ở kiên cố", "2030", "65 - 70", "RANGE", 65, 70],
  ["9.4 –", "Thành thị", "2025", "-", "NONE", null, null],
  ["9.4 –", "Thành thị", "2030", "70 - 75", "RANGE", 70, 75],
  ["9.4 –", "Nông thôn", "2025", "-", "NONE", null, null],
  ["9.4 –", "Nông thôn", "2030", "55-60", "RANGE", 55, 60],
  ["9.5", "Tỉ lệ nhà ở có hệ thống cấp điện, cấp nước, thoát nước th…", "2025", "-", "NONE", null, null],
  ["9.5", "Tỉ lệ nhà ở có hệ thống cấp điện, cấp nước, thoát nước th…", "2030", "25", "EXACT", 25, 25],
  ["10.1", "Tỉ lệ hộ gia đình được sử dụng nước sạch theo quy chuẩn", "2025", "", "NONE", null, null],
  ["10.1", "Tỉ lệ hộ gia đình được sử dụng nước sạch theo quy chuẩn", "2030", "", "NONE", null, null],
  ["10.1 –", "Thành thị", "2025", "-", "NONE", null, null],
  ["10.1 –", "Thành thị", "2030", "90", "EXACT", 90, 90],
  ["10.1 –", "Nông thôn", "2025", "-", "NONE", null, null],
  ["10.1 –", "Nông thôn", "2030", "60", "EXACT", 60, 60],
  ["10.2", "Tỉ lệ hộ gia đình được sử dụng nhà tiêu hợp vệ sinh", "2025", "", "NONE", null, null],
  ["10.2", "Tỉ lệ hộ gia đình được sử dụng nhà tiêu hợp vệ sinh", "2030", "", "NONE", null, null],
  ["10.2 –", "Thành thị", "2025", "-", "NONE", null, null],
  ["10.2 –", "Thành thị", "2030", "85", "EXACT", 85, 85],
  ["10.2 –", "Nông thôn", "2025", "-", "NONE", null, null],
  ["10.2 –", "Nông thôn", "2030", ">90", "ABOVE", 90, null],
  ["10.3", "Tỉ lệ hộ gia đình có công trình phụ hợp vệ sinh bảo đảm t…", "2025", "-", "NONE", null, null],
  ["10.3", "Tỉ lệ hộ gia đình có công trình phụ hợp vệ sinh bảo đảm t…", "2030", "80", "EXACT", 80, 80],
  ["10.4", "Tỉ lệ trường học có công trình phụ hợp vệ sinh bảo đảm ti…", "2025", "80", "EXACT", 80, 80],
  ["10.4", "Tỉ lệ trường học có công trình phụ hợp vệ sinh bảo đảm ti…", "2030", "100", "EXACT", 100, 100],
  ["10.5", "Tỉ lệ trạm y tế có công trình phụ hợp vệ sinh bảo đảm tiê…", "2025", "-", "NONE", null, null],
  ["10.5", "Tỉ lệ trạm y tế có công trình phụ hợp vệ sinh bảo đảm tiê…", "2030", "100", "EXACT", 100, 100],
  ["10.6", "Tỉ lệ điểm dân cư nông thôn tập trung có hệ thống thu gom…", "2025", "-", "NONE", null, null],
  ["10.6", "Tỉ lệ điểm dân cư nông thôn tập trung có hệ thống thu gom…", "2030", "10", "EXACT", 10, 10],
  ["10.7", "Tỉ lệ nước thải sinh hoạt được xử lý", "2025", "-", "NONE", null, null],
  ["10.7", "Tỉ lệ nước thải sinh hoạt được xử lý", "2030", "10", "EXACT", 10, 10],
  ["10.8", "Tỉ lệ hộ chăn nuôi, trang trại được xử lý chất thải chăn…", "2025", "-", "NONE", null, null],
  ["10.8", "Tỉ lệ hộ chăn nuôi, trang trại được xử lý chất thải chăn…", "2030", "70", "EXACT", 70, 70],
];

// Target phrases of Đà Lạt 222-KH/ThU, section II.2 "Một số chỉ tiêu chủ yếu đến năm 2030", in order.
// [what the phrase is about, phrase as written, kind, lower, upper, isPercent, unit]
type ProseRow = [string, string, TargetKind, number | null, number | null, boolean, string | null];
const DA_LAT_PHRASES: ProseRow[] = [
  ["Người có công có mức sống từ trung bình khá trở lên", "100%", "EXACT", 100, 100, true, null],
  ["Tỷ lệ thất nghiệp chung", "dưới 1,2%", "BELOW", null, 1.2, true, null],
  ["Lao động qua đào tạo có bằng cấp, chứng chỉ", "đạt 45,0%", "EXACT", 45, 45, true, null],
  ["LLLĐ trong độ tuổi tham gia BHXH", "khoảng 30%", "APPROXIMATELY", 30, 30, true, null],
  ["LLLĐ trong độ tuổi tham gia BHTN", "khoảng 35%", "APPROXIMATELY", 35, 35, true, null],
  ["Người sau độ tuổi nghỉ hưu hưởng lương hưu, BHXH, trợ cấp", "45%", "EXACT", 45, 45, true, null],
  ["Trẻ em dưới 16 tuổi, người cao tuổi, người khuyết tật nặng hưởng trợ cấp", "100%", "EXACT", 100, 100, true, null],
  ["Người khuyết tật mang thai, nuôi con nhỏ được hỗ trợ kinh phí chăm sóc", "100%", "EXACT", 100, 100, true, null],
  ["Chi trả không dùng tiền mặt", "100%", "EXACT", 100, 100, true, null],
  ["Phổ cập giáo dục mầm non cho trẻ mẫu giáo từ 3 đến 5 tuổi", "Hoàn thành", "QUALITATIVE", null, null, false, null],
  ["Đi học đúng độ tuổi cấp tiểu học", "đạt 100%", "EXACT", 100, 100, true, null],
  ["Đi học đúng độ tuổi cấp trung học cơ sở", "tối thiểu đạt 95%", "AT_LEAST", 95, null, true, null],
  ["Đi học đúng độ tuổi cấp trung học phổ thông", "tối thiểu đạt 75%", "AT_LEAST", 75, null, true, null],
  ["Phường xã đạt và duy trì chuẩn xóa mù chữ mức độ 2", "100%", "EXACT", 100, 100, true, null],
  ["Mức sinh thay thế", "Bảo đảm vững chắc", "QUALITATIVE", null, null, false, null],
  ["Tuổi thọ trung bình", "khoảng 75 tuổi", "APPROXIMATELY", 75, 75, false, "tuổi"],
  ["Số năm sống khỏe", "đạt tối thiểu 68 năm", "AT_LEAST", 68, null, false, "năm"],
  ["Chỉ số HDI", "Thuộc nhóm cao trong khu vực", "QUALITATIVE", null, null, false, null],
  ["Giường bệnh trên 10.000 dân", "35 giường bệnh viện", "EXACT", 35, 35, false, "giường bệnh viện"],
  ["Bác sĩ trên 10.000 dân", "19 bác sĩ", "EXACT", 19, 19, false, "bác sĩ"],
  ["Dược sĩ trên 10.000 dân", "4 dược sĩ", "EXACT", 4, 4, false, "dược sĩ"],
  [
    "Điều dưỡng viên trên 10.000 dân",
    "33 điều dưỡng viên trên 10.000 dân",
    "EXACT",
    33,
    33,
    false,
    "điều dưỡng viên trên 10.000 dân",
  ],
  ["Dân số tham gia BHYT", "trên 95%", "ABOVE", 95, null, true, null],
  ["Chăm sóc ban đầu tại y tế cơ sở được BHYT chi trả", "trên 95%", "ABOVE", 95, null, true, null],
  ["Dân số được quản lý sức khỏe", "trên 95%", "ABOVE", 95, null, true, null],
  ["Tiêm chủng mở rộng", "đạt 95%", "EXACT", 95, 95, true, null],
  ["Trẻ em dưới 5 tuổi suy dinh dưỡng thấp còi", "dưới 15%", "BELOW", null, 15, true, null],
  ["AIDS, lao, sốt rét", "Cơ bản chấm dứt", "QUALITATIVE", null, null, false, null],
  ["Nhà ở xã hội cho người thu nhập thấp", "Hoàn thành", "QUALITATIVE", null, null, false, null],
  ["Nhà tạm, nhà dột nát", "Xóa bỏ hoàn toàn", "QUALITATIVE", null, null, false, null],
  [
    "Diện tích nhà ở bình quân đầu người",
    "đạt khoảng  $30\\text{ m}^2$  sàn/người",
    "APPROXIMATELY",
    30,
    30,
    false,
    "m² sàn/người",
  ],
  ["Diện tích nhà ở tối thiểu", "tối thiểu  $11\\text{ m}^2$  sàn/người", "AT_LEAST", 11, null, false, "m² sàn/người"],
  ["Nước sạch, hộ thành thị", "100%", "EXACT", 100, 100, true, null],
  ["Nước sạch, hộ nông thôn", "80%", "EXACT", 80, 80, true, null],
  ["Công trình phụ hợp vệ sinh", "100%", "EXACT", 100, 100, true, null],
  ["Điểm dân cư có hệ thống thu gom nước thải", "25%", "EXACT", 25, 25, true, null],
  ["Nước thải sinh hoạt được xử lý", "15%", "EXACT", 15, 15, true, null],
];

// Target phrases of the Sơn La Tỉnh ủy plan, section II.2 "Các chỉ tiêu chủ yếu đến năm 2030", in order
// (and the one figure of II.3, the 2045 vision). Typos of the source are kept ("được sỹ").
const SON_LA_PHRASES: ProseRow[] = [
  ["Người có công có mức sống từ trung bình khá trở lên", "100%", "EXACT", 100, 100, true, null],
  ["Tỷ lệ thất nghiệp khu vực thành thị", "3,5% trở lên", "AT_LEAST", 3.5, null, true, null],
  ["Lao động qua đào tạo có bằng cấp, chứng chỉ", "đạt khoảng trên 40%", "AT_LEAST", 40, null, true, null],
  ["LLLĐ trong độ tuổi tham gia BHXH", "25%", "EXACT", 25, 25, true, null],
  ["LLLĐ trong độ tuổi tham gia BHTN", "14,1%", "EXACT", 14.1, 14.1, true, null],
  ["Người sau độ tuổi nghỉ hưu hưởng lương hưu", "24,01%", "EXACT", 24.01, 24.01, true, null],
  [
    "Hộ chăm sóc trẻ dưới 36 tháng, phụ nữ mang thai, người cao tuổi nghèo hưởng trợ cấp",
    "100%",
    "EXACT",
    100,
    100,
    true,
    null,
  ],
  ["Phổ cập giáo dục mầm non cho trẻ 5 tuổi", "Duy trì và nâng cao chất lượng", "QUALITATIVE", null, null, false, null],
  ["Phổ cập giáo dục mầm non cho trẻ 3 và 4 tuổi", "Hoàn thành", "QUALITATIVE", null, null, false, null],
  ["Đi học đúng độ tuổi cấp tiểu học", "đạt 99,5%", "EXACT", 99.5, 99.5, true, null],
  ["Đi học đúng độ tuổi cấp trung học cơ sở", "đạt 95%", "EXACT", 95, 95, true, null],
  ["Đi học đúng độ tuổi cấp THPT và tương đương", "đạt 75%", "EXACT", 75, 75, true, null],
  ["Chuẩn xóa mù chữ mức độ 2", "Duy trì và nâng cao chất lượng", "QUALITATIVE", null, null, false, null],
  ["Mức sinh thay thế", "Bảo đảm vững chắc", "QUALITATIVE", null, null, false, null],
  ["Tuổi thọ trung bình", "khoảng 75 tuổi", "APPROXIMATELY", 75, 75, false, "tuổi"],
  ["Số năm sống khỏe", "đạt tối thiểu 68 năm", "AT_LEAST", 68, null, false, "năm"],
  ["Chỉ số HDI", "đạt 0,7", "EXACT", 0.7, 0.7, false, null],
  ["Giường bệnh", "đạt 32 giường bệnh/10.000 dân", "EXACT", 32, 32, false, "giường bệnh/10.000 dân"],
  ["Bác sỹ", "9,5 bác sỹ/10.000 dân", "EXACT", 9.5, 9.5, false, "bác sỹ/10.000 dân"],
  ["Dược sỹ", "01 được sỹ/10.000 dân", "EXACT", 1, 1, false, "được sỹ/10.000 dân"],
  [
    "Điều dưỡng, hộ sinh, kỹ thuật y",
    "19 điều dưỡng, hộ sinh, kỹ thuật y/10.000 dân",
    "EXACT",
    19,
    19,
    false,
    "điều dưỡng, hộ sinh, kỹ thuật y/10.000 dân",
  ],
  ["Bao phủ bảo hiểm y tế", "đạt 97%", "EXACT", 97, 97, true, null],
  ["Chăm sóc ban đầu tại y tế cơ sở được BHYT chi trả", "trên 95%", "ABOVE", 95, null, true, null],
  ["Dân số được quản lý sức khỏe", "trên 95%", "ABOVE", 95, null, true, null],
  ["Tiêm chủng mở rộng", "đạt 95%", "EXACT", 95, 95, true, null],
  ["Trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "dưới 23%", "BELOW", null, 23, true, null],
  ["AIDS, lao, sốt rét", "Cơ bản chấm dứt", "QUALITATIVE", null, null, false, null],
  ["Nhà tạm, nhà dột nát", "Xoá bỏ hoàn toàn", "QUALITATIVE", null, null, false, null],
  [
    "Diện tích sàn nhà ở bình quân đầu người",
    "đạt khoảng 24,6 m² sàn/người",
    "APPROXIMATELY",
    24.6,
    24.6,
    false,
    "m² sàn/người",
  ],
  ["Nước sạch, hộ thành thị", "94,8%", "EXACT", 94.8, 94.8, true, null],
  ["Nước sạch, hộ nông thôn", "65%", "EXACT", 65, 65, true, null],
  ["Công trình phụ hợp vệ sinh", "100%", "EXACT", 100, 100, true, null],
  ["Điểm dân cư có hệ thống thu gom nước thải", "25%", "EXACT", 25, 25, true, null],
  ["Nước thải sinh hoạt được xử lý", "15%", "EXACT", 15, 15, true, null],
  ["Người dân vùng sâu, vùng xa hưởng thụ hoạt động văn hoá", "ít nhất 75%", "AT_LEAST", 75, null, true, null],
  ["Xã vùng đồng bào DTTS hưởng thụ hoạt động văn hoá", "80%", "EXACT", 80, 80, true, null],
  ["HDI, tầm nhìn 2045 (II.3)", "đạt trên 0,7", "ABOVE", 0.7, null, false, null],
];

describe("parseTarget: the Ea Súp appendix", () => {
  it("covers the whole table", () => {
    expect(EA_SUP_CELLS.length).toBe(210);
  });

  it.each(EA_SUP_CELLS)("%s %s, %s: %j", (_tt, _name, _column, text, kind, lower, upper) => {
    const t = read(text);
    expect(t.kind).toBe(kind);
    expect(t.lower).toBe(lower);
    expect(t.upper).toBe(upper);
    // The unit sits in its own column of the table, so the cells carry neither "%" nor a unit.
    expect(t.isPercent).toBe(false);
    expect(t.unit).toBeNull();
    expect(t.qualitative).toBe(kind === "QUALITATIVE" ? text : null);
    expect(t.text).toBe(text);
  });

  it.each(EA_SUP_CELLS)("round-trips %s %s, %s: %j", (_tt, _name, _column, text) => {
    expectRoundTrip(read(text));
  });
});

describe.each([
  ["Đà Lạt 222-KH/ThU", DA_LAT_PHRASES],
  ["Sơn La", SON_LA_PHRASES],
])("parseTarget: %s, section II.2", (_plan, rows) => {
  it.each(rows)("%s: %j", (_about, text, kind, lower, upper, isPercent, unit) => {
    const t = read(text);
    expect(meaning(t)).toEqual({
      kind,
      lower,
      upper,
      isPercent,
      unit,
      qualitative: kind === "QUALITATIVE" ? text : null,
    });
  });

  it.each(rows)("round-trips %s: %j", (_about, text) => {
    expectRoundTrip(read(text));
  });
});

describe("parseTarget: every form of domain.md §5", () => {
  const cases: Array<[string, TargetKind, number | null, number | null, boolean]> = [
    // exact
    ["100", "EXACT", 100, 100, false],
    ["2,5", "EXACT", 2.5, 2.5, false],
    ["99,5", "EXACT", 99.5, 99.5, false],
    ["24,01%", "EXACT", 24.01, 24.01, true],
    ["đạt 45,0%", "EXACT", 45, 45, true],
    ["45%", "EXACT", 45, 45, true],
    ["0", "EXACT", 0, 0, false],
    ["10.000", "EXACT", 10000, 10000, false],
    ["1.500,5", "EXACT", 1500.5, 1500.5, false],
    ["phấn đấu đạt 90%", "EXACT", 90, 90, true],
    ["= 5", "EXACT", 5, 5, false],
    // below
    ["<4", "BELOW", null, 4, false],
    ["<70", "BELOW", null, 70, false],
    ["dưới 15%", "BELOW", null, 15, true],
    ["dưới 1,2%", "BELOW", null, 1.2, true],
    ["< 4 %", "BELOW", null, 4, true],
    ["thấp hơn 3%", "BELOW", null, 3, true],
    // above
    [">90", "ABOVE", 90, null, false],
    ["trên 95%", "ABOVE", 95, null, true],
    ["trên 40%", "ABOVE", 40, null, true],
    ["cao hơn 50", "ABOVE", 50, null, false],
    ["hơn 60%", "ABOVE", 60, null, true],
    // at least
    ["≥1", "AT_LEAST", 1, null, false],
    [">=1", "AT_LEAST", 1, null, false],
    ["=>1", "AT_LEAST", 1, null, false],
    ["⩾ 1", "AT_LEAST", 1, null, false],
    ["tối thiểu 95%", "AT_LEAST", 95, null, true],
    ["tối thiểu đạt 68 năm", "AT_LEAST", 68, null, false],
    ["3,5% trở lên", "AT_LEAST", 3.5, null, true],
    ["từ 80% trở lên", "AT_LEAST", 80, null, true],
    ["từ 80%", "AT_LEAST", 80, null, true],
    ["ít nhất 2", "AT_LEAST", 2, null, false],
    ["không dưới 90%", "AT_LEAST", 90, null, true],
    ["tối thiểu 80% trở lên", "AT_LEAST", 80, null, true],
    // at most
    ["≤5", "AT_MOST", null, 5, false],
    ["<=5", "AT_MOST", null, 5, false],
    ["tối đa 5", "AT_MOST", null, 5, false],
    ["không quá 3%", "AT_MOST", null, 3, true],
    ["không vượt quá 3%", "AT_MOST", null, 3, true],
    ["3% trở xuống", "AT_MOST", null, 3, true],
    ["từ 3% trở xuống", "AT_MOST", null, 3, true],
    // range
    ["2-2,5", "RANGE", 2, 2.5, false],
    ["30 - 35", "RANGE", 30, 35, false],
    ["95 - 97", "RANGE", 95, 97, false],
    ["65 - 70", "RANGE", 65, 70, false],
    ["35-40%", "RANGE", 35, 40, true],
    ["35%-40%", "RANGE", 35, 40, true],
    ["35% - 40", "RANGE", 35, 40, true],
    ["từ 30 đến 35", "RANGE", 30, 35, false],
    ["từ 30% đến 35%", "RANGE", 30, 35, true],
    ["30 tới 35", "RANGE", 30, 35, false],
    ["30–35", "RANGE", 30, 35, false],
    ["30 – 35", "RANGE", 30, 35, false],
    ["30—35", "RANGE", 30, 35, false],
    ["30 − 35", "RANGE", 30, 35, false],
    ["khoảng 30-35%", "RANGE", 30, 35, true],
    // approximately
    ["khoảng 75 tuổi", "APPROXIMATELY", 75, 75, false],
    ["khoảng 30%", "APPROXIMATELY", 30, 30, true],
    ["trên dưới 40%", "APPROXIMATELY", 40, 40, true],
    ["xấp xỉ 40%", "APPROXIMATELY", 40, 40, true],
    ["~40%", "APPROXIMATELY", 40, 40, true],
    ["≈ 40%", "APPROXIMATELY", 40, 40, true],
    // "khoảng trên" is a soft floor (see the module comment)
    ["khoảng trên 40%", "AT_LEAST", 40, null, true],
    ["khoảng hơn 40%", "AT_LEAST", 40, null, true],
    ["khoảng dưới 5%", "AT_MOST", null, 5, true],
  ];

  it.each(cases)("%j → %s [%s, %s]", (text, kind, lower, upper, isPercent) => {
    const t = read(text);
    expect(t.kind).toBe(kind);
    expect(t.lower).toBe(lower);
    expect(t.upper).toBe(upper);
    expect(t.isPercent).toBe(isPercent);
    expect(t.text).toBe(text);
  });

  it.each(cases)("round-trips %j", (text) => {
    expectRoundTrip(read(text));
  });

  it("reads keywords typed without diacritics", () => {
    expect(meaning(read("duoi 4%"))).toEqual(meaning(read("dưới 4%")));
    expect(meaning(read("toi thieu 95%"))).toEqual(meaning(read("tối thiểu 95%")));
    expect(meaning(read("khoang tren 40%"))).toEqual(meaning(read("khoảng trên 40%")));
    expect(read("TRÊN 95%").kind).toBe("ABOVE");
  });

  it("reads text decomposed into combining marks (NFD)", () => {
    expect(meaning(read("dưới 1,2%".normalize("NFD")))).toEqual(meaning(read("dưới 1,2%")));
  });

  it("ignores a trailing full stop or semicolon from prose", () => {
    expect(read("trên 95%.").lower).toBe(95);
    expect(read("dưới 15%;").upper).toBe(15);
  });
});

describe("parseTarget: empty cells", () => {
  it.each(["-", "–", "—", "", " ", "   \t ", "--"])("%j means no target", (text) => {
    const t = read(text);
    expect(meaning(t)).toEqual({
      kind: "NONE",
      lower: null,
      upper: null,
      isPercent: false,
      unit: null,
      qualitative: null,
    });
    expect(formatTarget(t)).toBe("");
    expect(describeTarget(t)).toBe("Không đặt chỉ tiêu");
  });
});

describe("parseTarget: qualitative targets", () => {
  it.each(["Giải quyết cơ bản", "Giải quyết", "Đảm bảo vững", "Chưa đảm bảo", "Tiểu học", "THCS", "Đạt", "X"])(
    "%j",
    (text) => {
      const t = read(text);
      expect(t.kind).toBe("QUALITATIVE");
      expect(t.qualitative).toBe(text);
      expect(t.lower).toBeNull();
      expect(t.upper).toBeNull();
      expect(formatTarget(t)).toBe(text);
    },
  );

  it("tidies spaces but keeps the wording and case", () => {
    expect(read("  Giải  quyết   cơ bản ").qualitative).toBe("Giải quyết cơ bản");
  });

  it("describes qualitative targets as such", () => {
    expect(describeTarget(read("Giải quyết cơ bản"))).toBe("Mục tiêu định tính: Giải quyết cơ bản");
  });
});

describe("parseTarget: units", () => {
  it.each([
    ["khoảng 75 tuổi", "tuổi"],
    ["tối thiểu đạt 68 năm", "năm"],
    ["18 giường", "giường"],
    ["5,60 người", "người"],
    ["1,5 lần", "lần"],
    ["20,5 m² sàn/người", "m² sàn/người"],
    ["20,5 m ² sàn/người", "m² sàn/người"],
    ["20,5 m2 sàn/người", "m² sàn/người"],
    ["20,5 m^2", "m²"],
    ["30 m2", "m²"],
    ["100 căn hộ", "căn hộ"],
    ["18 Giường", "giường"],
    ["30 - 35 tuổi", "tuổi"],
    ["30 tuổi - 35 tuổi", "tuổi"],
    ["30 tuổi - 35", "tuổi"],
    ["2,5-3%/năm", "/năm"],
  ])("%j has unit %j", (text, unit) => {
    expect(read(text).unit).toBe(unit);
  });

  it("reads a per-time unit after a percentage", () => {
    const t = read("4%/năm");
    expect(t).toMatchObject({ kind: "EXACT", lower: 4, isPercent: true, unit: "/năm" });
    expect(formatTarget(t)).toBe("4%/năm");
    expect(describeTarget(t)).toBe("Đạt 4%/năm");
  });

  it("sets isPercent only for %", () => {
    expect(read("95%").isPercent).toBe(true);
    expect(read("95").isPercent).toBe(false);
    expect(read("95 người").isPercent).toBe(false);
  });
});

describe("parseTarget: LaTeX left by PDF conversion", () => {
  it.each([
    ["$\\geq 60\\%$", "AT_LEAST", 60, null, true, null],
    ["$\\ge 60\\%$", "AT_LEAST", 60, null, true, null],
    ["$\\geqslant 60$", "AT_LEAST", 60, null, false, null],
    ["$\\leq$ 5", "AT_MOST", null, 5, false, null],
    ["$\\le 5\\%$", "AT_MOST", null, 5, true, null],
    ["$<4\\%$", "BELOW", null, 4, true, null],
    ["$30\\text{ m}^2$", "EXACT", 30, 30, false, "m²"],
    ["$30\\text{ m}^{2}$ sàn/người", "EXACT", 30, 30, false, "m² sàn/người"],
    ["$\\mathrm{khoảng}\\ 75$ tuổi", "APPROXIMATELY", 75, 75, false, "tuổi"],
    ["1{,}5", "EXACT", 1.5, 1.5, false, null],
    ["$\\approx 40\\%$", "APPROXIMATELY", 40, 40, true, null],
    ["95\\%", "EXACT", 95, 95, true, null],
  ])("%j", (text, kind, lower, upper, isPercent, unit) => {
    expect(meaning(read(text))).toEqual({ kind, lower, upper, isPercent, unit, qualitative: null });
  });
});

describe("parseTarget: errors", () => {
  it("asks for the upper bound of an unfinished range", () => {
    expect(errorOf("2-")).toBe("Khoảng giá trị thiếu cận trên: hãy viết dạng 2-2,5");
    expect(errorOf("30 đến")).toBe("Khoảng giá trị thiếu cận trên: hãy viết dạng 2-2,5");
  });

  it("says a negative number is not a target, and how to write a decrease or a range", () => {
    expect(errorOf("-2,5")).toBe(
      "Mục tiêu không nhận số âm (“-2,5”): chỉ tiêu giảm thì đặt tên “Mức giảm …” và nhập số dương, ví dụ 5; nếu là một khoảng giá trị thì viết đủ hai đầu, ví dụ 2-2,5",
    );
    expect(errorOf("– 5")).toMatch(/^Mục tiêu không nhận số âm \(“-5”\)/);
    expect(errorOf("-5%")).toMatch(/^Mục tiêu không nhận số âm \(“-5%”\)/);
  });

  it("rejects a reversed range and shows the fix", () => {
    expect(errorOf("5-2")).toBe("Khoảng giá trị bị ngược: cận dưới 5 lớn hơn cận trên 2; hãy viết 2-5");
    expect(errorOf("2,5 - 2")).toBe("Khoảng giá trị bị ngược: cận dưới 2,5 lớn hơn cận trên 2; hãy viết 2-2,5");
  });

  it("rejects a range with equal bounds", () => {
    expect(errorOf("2-2")).toBe("Hai cận của khoảng giá trị bằng nhau (2); nếu chỉ tiêu là một giá trị, hãy viết 2");
  });

  it.each(["1.2.3", "1.2", "1,2,3", "1.2%", "dưới 1.5"])("explains the decimal comma for %j", (text) => {
    const error = errorOf(text);
    expect(error).toMatch(/^Không đọc được số “[\d.,]+”: dùng dấu phẩy cho phần thập phân, ví dụ 1,2/);
    expect(error).toContain("10.000");
  });

  it("quotes the number it cannot read", () => {
    expect(errorOf("1.2.3")).toContain("“1.2.3”");
  });

  it("rejects unknown words before a number", () => {
    expect(errorOf("tăng 5%")).toBe(
      "Không hiểu “tăng” trước số 5. Cách viết được chấp nhận, ví dụ: 95%, dưới 4%, trên 90%, ≥1, tối đa 5%, 2-2,5, khoảng 75 tuổi; mục tiêu định tính thì viết không kèm chữ số",
    );
    expect(errorOf("abc 5")).toContain("“abc”");
  });

  it("rejects qualitative wording that contains digits, and says how to write it", () => {
    const error = errorOf("Đạt chuẩn mức độ 2");
    expect(error).toContain("“chuẩn mức độ” trước số 2");
    expect(error).toContain("mục tiêu định tính thì viết không kèm chữ số");
  });

  it("rejects prose after the value instead of half-reading it", () => {
    expect(errorOf("95% dân số")).toBe(
      "Không hiểu “dân số” sau 95%. Ô chỉ tiêu chỉ ghi giá trị và đơn vị, ví dụ “trên 95%”, “khoảng 75 tuổi”, “20,5 m² sàn/người”",
    );
    expect(errorOf("95% vào năm 2030")).toContain("“vào năm 2030”");
    expect(errorOf("100 năm 2025")).toContain("“năm 2025” sau 100");
    expect(errorOf("95 và 97")).toContain("“và 97”");
    expect(errorOf("trên 95% (năm 2030)")).toContain("Không hiểu");
  });

  it("rejects a unit too long to be one", () => {
    expect(errorOf("5 người có công với cách mạng và thân nhân được chăm lo toàn diện")).toContain("Không hiểu");
    expect(errorOf("5 một hai ba bốn năm sáu bảy tám chín mười mười một")).toContain("đơn vị ngắn");
  });

  it("asks for the number after a lone comparison word", () => {
    expect(errorOf("dưới")).toBe("Thiếu giá trị số sau “dưới”, ví dụ “dưới 4%”");
    expect(errorOf("<")).toBe("Thiếu giá trị số sau “<”, ví dụ “< 4%”");
    expect(errorOf("tối thiểu")).toContain("Thiếu giá trị số");
    expect(errorOf("khoảng")).toContain("Thiếu giá trị số");
  });

  it("rejects two comparison words", () => {
    expect(errorOf("dưới trên 5")).toBe(
      "Chỉ tiêu có hai từ so sánh “dưới” và “trên”: hãy giữ một, ví dụ “dưới 4%” hoặc “tối thiểu 95%”",
    );
  });

  it("rejects a comparison word in front of a range", () => {
    expect(errorOf("dưới 2-3")).toBe("Không dùng “dưới” cùng một khoảng giá trị: hãy viết “2-3” hoặc “dưới 3”");
    expect(errorOf("30-35 trở lên")).toContain("“trở lên”");
  });

  it("rejects contradictory comparisons", () => {
    expect(errorOf("trên 80% trở lên")).toBe(
      "Không dùng “trên” cùng “trở lên”: hãy chọn một cách viết, ví dụ “80% trở lên”",
    );
    expect(errorOf("tối đa 5 trở lên")).toContain("Không dùng “tối đa” cùng “trở lên”");
  });

  it("rejects bounds in different units", () => {
    expect(errorOf("35%-40 người")).toBe("Hai cận của khoảng giá trị phải cùng đơn vị: “35%” và “40 người”");
    expect(errorOf("30 tuổi - 35 năm")).toContain("phải cùng đơn vị");
    expect(errorOf("30% - 35 tuổi")).toContain("phải cùng đơn vị");
    expect(errorOf("3%/năm - 4%")).toContain("phải cùng đơn vị");
  });

  it("rejects symbols with no number and no words", () => {
    expect(errorOf("???")).toBe(
      "Không đọc được chỉ tiêu “???”: hãy nhập một số (ví dụ 95%), một khoảng (ví dụ 2-2,5) hoặc mô tả định tính (ví dụ Giải quyết cơ bản)",
    );
  });

  it("rejects unknown LaTeX instead of guessing", () => {
    expect(errorOf("$\\frac{1}{2}$")).toContain("Không hiểu");
  });
});

describe("formatTarget", () => {
  it.each([
    ["dưới 1,2%", "dưới 1,2%"],
    ["<4", "dưới 4"],
    ["2-2,5", "2-2,5"],
    ["30 - 35", "30-35"],
    ["từ 30 đến 35", "30-35"],
    ["35-40%", "35-40%"],
    ["≥1", "≥1"],
    [">=1", "≥1"],
    ["tối thiểu 95%", "≥95%"],
    ["3,5% trở lên", "≥3,5%"],
    ["≤5", "≤5"],
    ["không quá 3%", "≤3%"],
    [">90", "trên 90"],
    ["trên 95%", "trên 95%"],
    ["khoảng 75 tuổi", "khoảng 75 tuổi"],
    ["đạt 45,0%", "45%"],
    ["5,60", "5,6"],
    ["10.000", "10.000"],
    ["Giải quyết cơ bản", "Giải quyết cơ bản"],
    ["-", ""],
    ["20,5 m2 sàn/người", "20,5 m² sàn/người"],
    ["30 tuổi - 35 tuổi", "30-35 tuổi"],
  ])("%j → %j", (text, expected) => {
    expect(formatTarget(read(text))).toBe(expected);
  });

  it("never writes a decimal point", () => {
    expect(
      formatTarget({ kind: "EXACT", lower: 1.2, upper: 1.2, isPercent: true, unit: null, qualitative: null, text: "" }),
    ).toBe("1,2%");
  });

  it("falls back to the original text when a target object lacks its bound", () => {
    const broken: Target = {
      kind: "BELOW",
      lower: null,
      upper: null,
      isPercent: false,
      unit: null,
      qualitative: null,
      text: "<?",
    };
    expect(formatTarget(broken)).toBe("<?");
    expect(describeTarget(broken)).toBe("<?");
  });
});

describe("describeTarget", () => {
  it.each([
    ["dưới 1,2%", "Thấp hơn 1,2%"],
    ["2-2,5", "Từ 2 đến 2,5"],
    ["35-40%", "Từ 35% đến 40%"],
    ["30 - 35 tuổi", "Từ 30 đến 35 tuổi"],
    ["≥1", "Tối thiểu 1"],
    ["khoảng 75 tuổi", "Khoảng 75 tuổi"],
    ["khoảng trên 40%", "Tối thiểu 40%"],
    ["Giải quyết cơ bản", "Mục tiêu định tính: Giải quyết cơ bản"],
    ["", "Không đặt chỉ tiêu"],
    ["100", "Đạt 100"],
    ["24,01%", "Đạt 24,01%"],
    ["trên 95%", "Cao hơn 95%"],
    ["tối đa 5", "Tối đa 5"],
    ["tối thiểu đạt 68 năm", "Tối thiểu 68 năm"],
  ])("%j → %j", (text, expected) => {
    expect(describeTarget(read(text))).toBe(expected);
  });
});
