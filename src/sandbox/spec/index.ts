export {checkRequestsAgainstSpec, type RequestForCheck, type SpecMismatch} from './check-requests.js'
export {validateRequestBody} from './body-validator.js'
export {findOperation, SUBSET} from './subset.js'
