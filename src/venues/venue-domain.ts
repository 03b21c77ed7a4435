import type { VenueDomain } from '../venue-ops/ports.js';
import { checkAddress, checkName, checkPhone, checkPlate } from './checks.js';
import { classifier } from './classify.js';
import { CodeSigner, newManualCode, normaliseManualCode, payloadFor, tokenFromPayload } from './codes.js';
import { searchCommunes } from './commune-search.js';
import { UnitCatalog } from '../units/catalog.js';
import { defaultUnits } from '../units/default-units.js';
import { renderPosterPdf, renderPosterPreviewPng, renderQrPng } from './poster-render.js';
import { findVenueType, VENUE_TYPES } from './venue-types.js';

/**
 * The venue domain bound to one deployment: its public URL (for the code links) and its signing
 * key. Pure apart from rendering; no storage, so it is shared by the chat flow, the CLI and HTTP.
 */
export function createVenueDomain(opts: { publicUrl: string; signingKey: string; units?: UnitCatalog }): VenueDomain {
  const signer = new CodeSigner(opts.signingKey);
  const units = opts.units ?? new UnitCatalog(defaultUnits());
  return {
    types: VENUE_TYPES,
    findType: findVenueType,
    get communes() {
      return units.communes;
    },
    searchCommunes: (input) => searchCommunes(units.communes, input),
    communeById: (id) => units.communeById(id),
    communeFamily: (id) => units.family(id),
    checkName,
    checkAddress,
    checkPhone,
    checkPlate,
    issueToken: () => signer.issue(),
    tokenFor: (id) => signer.tokenFor(id),
    verifyToken: (token) => signer.verify(token),
    newManualCode,
    normaliseManualCode,
    payloadFor,
    tokenFromPayload,
    classify: classifier(opts.publicUrl),
    renderQrPng,
    renderPosterPdf,
    renderPosterPreviewPng,
  };
}
