/** The cost ledger's types of cost in plain words, as every figure of cost says them. */
export const COST_TYPE_WORDS: Readonly<Record<string, string>> = {
  staff: 'staff',
  overtime: 'overtime premium',
  roomsAndDevices: 'rooms and devices',
  beds: 'beds',
  consumables: 'consumables',
  penalties: 'penalties',
};
