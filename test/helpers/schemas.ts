import Ajv from 'ajv-draft-04';
import imageSchema from '../../src/schemas/image.json';
import imagesSchema from '../../src/schemas/images.json';
import memberSchema from '../../src/schemas/member.json';
import membersSchema from '../../src/schemas/members.json';

/** Success bodies are checked against the very schemas the mock serves (Glance's, draft-04 style). */
const ajv = new Ajv({ strictTypes: false, strict: false, allErrors: true });
ajv.addVocabulary(['name', 'readOnly', 'links', 'is_base']);

const validators = {
  member: ajv.compile(memberSchema),
  members: ajv.compile(membersSchema),
  image: ajv.compile(imageSchema),
  images: ajv.compile(imagesSchema),
};

export function expectMatchesSchema(name: keyof typeof validators, body: unknown): void {
  const validate = validators[name];
  if (!validate(body)) {
    throw new Error(`body does not match the ${name} schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
  }
}
