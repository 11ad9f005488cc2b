export {
  COUNTRY_CODES,
  type Country,
  findCountry,
  getCountry,
  getCountryName,
  getPrimaryTimeZone,
  isCountryCode,
  listCountries,
} from './countries';
