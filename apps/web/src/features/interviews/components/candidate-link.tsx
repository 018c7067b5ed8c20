import { Link } from 'react-router';
import { useBackState } from '../../../components/back-link.tsx';
import { useMe } from '../../../lib/session.ts';

type Candidate = { id: number; reference: string; firstName: string; lastName: string };

export const candidateName = (c: Pick<Candidate, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`;

/**
 * A candidate as an interview list names them: the reference, linking to the case for those who have
 * the board (a panel member reaches no case page), and the name. `hash` opens a section of the case.
 */
export function CandidateLink({ candidate, hash = '' }: { candidate: Candidate; hash?: string }) {
  const me = useMe();
  const backState = useBackState('Back to interviews');
  return (
    <>
      {me.may.board ? (
        <Link className="govuk-link" to={`/cases/${candidate.id}${hash}`} state={backState}>
          {candidate.reference}
        </Link>
      ) : (
        candidate.reference
      )}{' '}
      {candidateName(candidate)}
    </>
  );
}
