import { GlanceErrors } from '../domain/glance-errors';
import { jsonBody, pythonItem, pythonTruthy } from './json-body';
import type { RawBody } from '../shared/raw-body';

/** glance.api.v2.image_members.RequestDeserializer.create */
export function memberToAdd(raw: RawBody | undefined): unknown {
  const item = pythonItem(jsonBody(raw), 'member');
  if (!item.found) throw item.typeError ? GlanceErrors.memberForm() : GlanceErrors.memberNotSpecified();
  if (!pythonTruthy(item.value)) throw GlanceErrors.memberEmpty();
  return item.value;
}

/** glance.api.v2.image_members.RequestDeserializer.update: the value is checked later, by the domain. */
export function statusToSet(raw: RawBody | undefined): unknown {
  const item = pythonItem(jsonBody(raw), 'status');
  if (!item.found) throw item.typeError ? GlanceErrors.statusForm() : GlanceErrors.statusNotSpecified();
  return item.value;
}
