/** The rate units a prescriber may choose from. They are never converted into one another. */
export const RATE_UNITS = ['mg/kg/h', 'mg/h', 'mcg/kg/min', 'mL/h'] as const;
export type RateUnit = (typeof RATE_UNITS)[number];

export const ROUTES = ['intravenous', 'subcutaneous'] as const;
export type Route = (typeof ROUTES)[number];

export const INFUSION_EVENT_TYPES = ['start', 'pause', 'resume', 'stop'] as const;
export type InfusionEventType = (typeof INFUSION_EVENT_TYPES)[number];
