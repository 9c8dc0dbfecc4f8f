/** The rescue request's wording: Khmer and English for the CNP, Korean for the file copy. */
export type Labels = Record<
  | 'title'
  | 'person'
  | 'names'
  | 'birthDate'
  | 'sex'
  | 'nationality'
  | 'passport'
  | 'phone'
  | 'messenger'
  | 'location'
  | 'compound'
  | 'province'
  | 'coordinates'
  | 'floorRoom'
  | 'building'
  | 'border'
  | 'map'
  | 'photo'
  | 'buildingPhoto'
  | 'contacts'
  | 'officer'
  | 'team'
  | 'risk'
  | 'lastContact'
  | 'circumstances'
  | 'reference'
  | 'from'
  | 'to'
  | 'approximate'
  | 'noPhoto'
  | 'request'
  | 'male'
  | 'female'
  | 'unknownSex',
  string
>;

export const en: Labels = {
  title: 'EMERGENCY RESCUE REQUEST',
  person: 'Person to be rescued',
  names: 'Names',
  birthDate: 'Date of birth',
  sex: 'Sex',
  nationality: 'Nationality',
  passport: 'Passport number',
  phone: 'Phone',
  messenger: 'Telegram / KakaoTalk',
  location: 'Location',
  compound: 'Compound',
  province: 'Province',
  coordinates: 'Coordinates (WGS 84)',
  floorRoom: 'Floor / room',
  building: 'Building',
  border: 'Distance to nearest border',
  map: 'Map (offline sketch, approximate)',
  photo: 'Photo of the person',
  buildingPhoto: 'Photo of the building',
  contacts: 'Contacts',
  officer: 'Requesting officer',
  team: 'Case team',
  risk: 'Risk level',
  lastContact: 'Last contact',
  circumstances: 'Circumstances reported',
  reference: 'Reference',
  from: 'From',
  to: 'To',
  approximate: 'approximate: province centre only',
  noPhoto: 'No photo on file',
  male: 'Male',
  female: 'Female',
  unknownSex: 'Unknown',
  request:
    'The requesting agency asks the Cambodian National Police to locate and rescue the person below, who is reported to be held against their will, and to hand them to the Korea Desk for protection.',
};

// Khmer wording is a first draft, to be reviewed by the Cambodian officers of the joint unit.
export const km: Labels = {
  title: 'សំណើជួយសង្គ្រោះបន្ទាន់',
  person: 'ជនដែលត្រូវជួយសង្គ្រោះ',
  names: 'ឈ្មោះ',
  birthDate: 'ថ្ងៃខែឆ្នាំកំណើត',
  sex: 'ភេទ',
  nationality: 'សញ្ជាតិ',
  passport: 'លេខលិខិតឆ្លងដែន',
  phone: 'ទូរស័ព្ទ',
  messenger: 'តេឡេក្រាម / កាកាអូថក',
  location: 'ទីតាំង',
  compound: 'បរិវេណ',
  province: 'ខេត្ត',
  coordinates: 'កូអរដោនេ',
  floorRoom: 'ជាន់ / បន្ទប់',
  building: 'អគារ',
  border: 'ចម្ងាយទៅព្រំដែន',
  map: 'ផែនទី',
  photo: 'រូបថតជន',
  buildingPhoto: 'រូបថតអគារ',
  contacts: 'ទំនាក់ទំនង',
  officer: 'មន្ត្រីស្នើសុំ',
  team: 'ក្រុមការងារ',
  risk: 'កម្រិតហានិភ័យ',
  lastContact: 'ទំនាក់ទំនងចុងក្រោយ',
  circumstances: 'ស្ថានភាពដែលបានរាយការណ៍',
  reference: 'លេខយោង',
  from: 'ពី',
  to: 'ទៅ',
  approximate: 'ប្រហាក់ប្រហែល',
  noPhoto: 'គ្មានរូបថត',
  male: 'ប្រុស',
  female: 'ស្រី',
  unknownSex: 'មិនស្គាល់',
  request:
    'ភ្នាក់ងារស្នើសុំ សូមស្នើឲ្យនគរបាលជាតិកម្ពុជា ស្វែងរក និងជួយសង្គ្រោះជនខាងក្រោម ដែលត្រូវបានគេរាយការណ៍ថាត្រូវបានឃុំខ្លួនដោយបង្ខំ។',
};

export const ko: Labels = {
  title: '긴급 구출 요청서 (보관용 국문 사본)',
  person: '구출 대상자',
  names: '성명',
  birthDate: '생년월일',
  sex: '성별',
  nationality: '국적',
  passport: '여권번호',
  phone: '전화번호',
  messenger: '텔레그램 / 카카오톡',
  location: '위치',
  compound: '단지명',
  province: '주',
  coordinates: '좌표 (WGS 84)',
  floorRoom: '층 / 호실',
  building: '건물',
  border: '가장 가까운 국경까지 거리',
  map: '지도 (오프라인 약도, 대략적)',
  photo: '대상자 사진',
  buildingPhoto: '건물 사진',
  contacts: '연락처',
  officer: '요청 담당관',
  team: '사건 담당팀',
  risk: '위험도',
  lastContact: '마지막 연락',
  circumstances: '신고 내용',
  reference: '참조번호',
  from: '발신',
  to: '수신',
  approximate: '대략적: 주 중심점',
  noPhoto: '사진 없음',
  male: '남성',
  female: '여성',
  unknownSex: '미상',
  request:
    '요청 기관은 캄보디아 국가경찰에 아래 대상자의 소재 확인 및 구출을 요청하며, 구출 후 코리아 데스크에 인계하여 보호해 줄 것을 요청합니다.',
};
