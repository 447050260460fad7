export {
  INFUSION_EVENT_TYPES,
  RATE_UNITS,
  ROUTES,
  type InfusionEventType,
  type RateUnit,
  type Route,
} from '@infusion-tracker/clinical';
